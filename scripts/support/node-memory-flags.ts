// How node runs Procdeck's long-lived processes: the HTTP server (scripts/serve.ts, `next start` in
// bench:ops) and the agent gateway (scripts/agent-gateway.ts). Each operation turns over short-lived
// garbage per row (10,000 rows: an 8 MiB request, 10,000 pushes and reports), and V8's default heap
// growth (a factor of up to 4 per major GC) let the server grow from 260 to 450 MB and the gateway
// from 220 to 350 MB over three 10,000-host operations. Growing by 15 % per major GC, and letting the
// memory reducer start after 1 s of quiet, keeps each near its live size for some more GC CPU
// (bench:ops measures both). No hard cap: a process with more agents than expected grows instead
// of crashing.
export const MEMORY_FLAGS = ["--heap-growing-percent=15", "--gc-memory-reducer-start-delay-ms=1000"];

/** The agent gateway's node arguments before its script: the memory flags and the domain code's loader. */
export const GATEWAY_NODE_FLAGS = [...MEMORY_FLAGS, "--conditions=react-server", "--import", "tsx"];
