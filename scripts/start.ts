// `npm start`: generated code first (a cleaned tree has none), then the real start-up
// (scripts/support/start-server.ts), imported only once everything it imports exists. Whatever
// fails is printed with its real cause.
import { ensureGenerated } from "./support/ensure-generated";

async function main() {
  await ensureGenerated();
  const { startServer } = await import("./support/start-server");
  await startServer();
}

main().catch((error: unknown) => {
  if (error instanceof Error && error.name === "EnvError") console.error(error.message);
  else console.error("Procdeck failed to start:", describeCause(error));
  process.exit(1);
});

function describeCause(error: unknown): string {
  if (error instanceof Error) return error.message || error.stack || error.name;
  if (error === undefined || error === null) return "an unknown error (nothing was thrown with it)";
  return String(error);
}
