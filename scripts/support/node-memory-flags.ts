// How node runs Procdeck's long-lived processes: the HTTP server (scripts/serve.ts, also in
// bench:ops) and the agent gateway (scripts/agent-gateway.ts). Each operation turns over short-lived
// garbage per row (10,000 rows: an 8 MiB request, 10,000 pushes and reports), and V8's default heap
// growth (a factor of up to 4 per major GC) let the server grow from 260 to 450 MB and the gateway
// from 220 to 350 MB over three 10,000-host operations. A fixed, smaller growth per major GC, and the
// memory reducer starting after 1 s of quiet, keep each nearer its live size for more GC CPU
// (bench:ops measures both). The gateway, which holds sockets and little else, grows by 15 %; the
// server by more, because its heap is larger while it serves long-polls and every major GC costs
// more there (500 long-polling agents: at 15 % the server spent twice the CPU). The gateway's young
// generation is capped too (V8's default semi-space grows to 16 MiB): 2 MiB took it from 226 to about
// 195 MB at 10,000 sockets for no more CPU per row. The server's is capped at 8 MiB: its 10,000-host
// peak fell from 199–229 to 198–224 MB (three runs), and 500 long-polling agents cost 3.2–3.8 instead of 3.0–3.1 ms
// per row (two runs each, one session; 4 MiB had cost 19.5 instead of 12 ms, before the server ran
// bundled and without a proxy pass per API call). No
// hard cap on the old generation: a process with more agents than expected grows instead of crashing.
const REDUCE_MEMORY_SOON = "--gc-memory-reducer-start-delay-ms=1000";

export const SERVER_MEMORY_FLAGS = ["--heap-growing-percent=40", REDUCE_MEMORY_SOON, "--max-semi-space-size=8"];

/** The agent gateway's memory flags (before its program: scripts/support/server-programs.ts). */
export const GATEWAY_MEMORY_FLAGS = ["--heap-growing-percent=15", REDUCE_MEMORY_SOON, "--max-semi-space-size=2"];
