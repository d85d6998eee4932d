// Reads the statement counts the server's processes write (see count-pg-queries.mjs).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const FLUSH_WAIT_MS = 300; // the counter files are rewritten every 100 ms

export async function readQueryCount(dir: string): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, FLUSH_WAIT_MS));
  return readdirSync(dir).reduce((sum, file) => sum + Number(readFileSync(path.join(dir, file), "utf8") || 0), 0);
}
