// How the console's process list orders the columns whose stored text does not sort the way people
// read it: a port spec by its first port as a number ("80,443" before "8000-8010", not after "1000"),
// and bind IP by the label the list shows ("0.0.0.0", "127.0.0.1", "1st inner IP"…) rather than its
// enum id. The same rules are SQL for the server's ORDER BY and functions for tests. Browser-safe.
import { ATTRIBUTES_BY_ID } from "@/lib/processes/attribute-metadata";
import type { TLang } from "@/lib/core/i18n";

/** The first port of a CMDB port spec ("80,443" → 80, "8000-8010" → 8000); null when unset. */
export function firstPortNumber(spec: string | null | undefined): number | null {
  const match = /^\d+/.exec(spec ?? "");
  return match ? Number(match[0]) : null;
}

/** The bind IP enum ids in the order of their labels in `lang`. */
export function bindIpIdsByLabel(lang: TLang): string[] {
  const options = ATTRIBUTES_BY_ID.get("bind_ip")?.options ?? [];
  return [...options].sort((a, b) => a.name[lang].localeCompare(b.name[lang], lang === "zh" ? "zh-CN" : "en")).map((option) => option.id);
}

/** Ascending comparison of two list rows on a column with its own order; unset values go last. */
export function compareByListOrder(column: "port" | "bind_ip", lang: TLang, a: unknown, b: unknown): number {
  const key = column === "port" ? (value: unknown) => firstPortNumber(typeof value === "string" ? value : null) : rankOf(bindIpIdsByLabel(lang));
  const [left, right] = [key(a), key(b)];
  if (left === null || right === null) return left === right ? 0 : left === null ? 1 : -1;
  return left - right || String(a).localeCompare(String(b));
}

function rankOf(ids: string[]) {
  return (value: unknown) => {
    const at = ids.indexOf(String(value ?? ""));
    return at === -1 ? null : at;
  };
}

/**
 * ORDER BY terms for these columns (`p` is the process table); unset values last in both directions,
 * ties broken by the stored text so "80" and "80,443" keep a stable order.
 */
export function listOrderSql(lang: TLang): Record<string, (direction: "ASC" | "DESC") => string> {
  const ids = bindIpIdsByLabel(lang).map((id) => `'${id.replace(/'/g, "''")}'`);
  return {
    port: (direction) => `NULLIF(substring(p.port from '^[0-9]{1,9}'), '')::int ${direction} NULLS LAST, p.port ${direction}`,
    bind_ip: (direction) => `array_position(ARRAY[${ids.join(", ")}]::text[], p.bind_ip) ${direction} NULLS LAST`,
  };
}
