// Runs once when a server instance starts (Next's instrumentation hook): the loop that sends the tasks
// of businesses dispatching to an existing GSE and collects their results (lib/operations/dispatch/).
// Every instance runs it; the work is shared through the database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startGseCollector } = await import("@/lib/operations/dispatch/gse-collector");
  startGseCollector();
}
