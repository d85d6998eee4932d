// Imported first by the long-lived processes that run under tsx (scripts/serve.ts,
// scripts/agent-gateway.ts). tsx turns Node's source-map support on, and Node then parses and keeps
// the map of every module it loads: Next's server chunks ship theirs (.js.map beside each), so
// `npm start`'s server held about 60 MB more than `next start` for the same pages. Stack traces
// from these processes name the executed (transpiled) positions instead, as `next start`'s do.
process.setSourceMapsEnabled(false);
