// The results table: one row per measured path, with each API row's share of the framework ceiling
// (healthz), of the database floor (the same SQL straight through a pg Pool), and of B, the best a
// route can do on this machine when it must both be a route and run the SQL:
// B = 1 / (1/ceiling + 1/floor) requests per second.
import type { TLoadResult } from "./run-load";

export type TResultRow = { scenario: string; path: string; result: TLoadResult; ofCeiling?: number; ofFloor?: number; bound?: number; tripsPerRequest?: number; rowsPerRequest?: number };

const COLUMNS = ["scenario", "path", "req/s", "p50 ms", "p99 ms", "of ceiling", "of floor", "B req/s", "of B", "DB trips/req", "rows/req", "errors"];

/** The combined bound of a route that runs SQL: framework ceiling and database floor share the machine. */
export function combinedBound(ceilingRps: number, floorRps: number): number {
  return 1 / (1 / ceilingRps + 1 / floorRps);
}

export function formatResults(rows: TResultRow[]): string {
  const cells = rows.map((row) => [
    row.scenario,
    row.path,
    row.result.rps.toFixed(0),
    row.result.p50.toFixed(2),
    row.result.p99.toFixed(2),
    percent(row.ofCeiling),
    percent(row.ofFloor),
    row.bound === undefined ? "" : row.bound.toFixed(0),
    row.bound === undefined ? "" : `${(row.result.rps / row.bound).toFixed(2)}×`,
    row.tripsPerRequest === undefined ? "" : row.tripsPerRequest.toFixed(2),
    row.rowsPerRequest === undefined ? "" : row.rowsPerRequest.toFixed(1),
    `${row.result.errors}/${row.result.requests}`,
  ]);
  const widths = COLUMNS.map((title, c) => Math.max(title.length, ...cells.map((line) => line[c].length)));
  const render = (line: string[]) => line.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
  return [render(COLUMNS), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(render)].join("\n");
}

function percent(share: number | undefined): string {
  return share === undefined ? "" : `${(share * 100).toFixed(0)}%`;
}
