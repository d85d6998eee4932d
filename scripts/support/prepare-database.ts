// Shared by `npm start`, `npm test` and the benchmarks: a database URL (embedded PostgreSQL when
// DATABASE_URL is unset), with the Prisma migrations applied.
import path from "node:path";
import { startEmbeddedDb } from "./embedded-db";
import { BIN, run } from "./run";

export type TPreparedDatabase = { url: string; isEmbedded: boolean; stop: () => Promise<void> };

type TPrepareOptions = { url?: string; embeddedDir: string; database: string; isSupervised?: boolean };

export async function prepareDatabase({ url, embeddedDir, database, isSupervised = false }: TPrepareOptions): Promise<TPreparedDatabase> {
  let prepared: TPreparedDatabase;
  if (url) {
    prepared = { url, isEmbedded: false, stop: async () => {} };
  } else {
    const embedded = await startEmbeddedDb({ dir: path.resolve(embeddedDir), database, isSupervised });
    prepared = { url: embedded.url, isEmbedded: true, stop: embedded.stop };
  }
  try {
    await run(BIN("prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: prepared.url }, stdio: ["ignore", "ignore", "inherit"] });
  } catch (error) {
    await prepared.stop();
    throw error;
  }
  return prepared;
}
