// What a CSV import would do, line by line, without changing anything. Preview shows this plan;
// apply computes it again inside its transaction and runs it only when no line has an error.
// Columns: bk_host_innerip (required), bk_cloud_id (default 0), bk_host_name, bk_set_name and
// bk_module_name (both empty: the idle module). The first line names the columns, in any order.
import "server-only";
import { ApiError } from "@/lib/core/errors";
import type { TTx } from "@/lib/core/db";
import { identityKey, isIpv4, MAX_CLOUD_ID } from "@/lib/topology/host-identity";
import { IDLE_MODULE_NAME, IDLE_POOL_SET_NAME, MODULE_FLAG } from "@/lib/topology/idle-pool";
import { isSamePlacement, labelsOf, readModules, type TModuleInfo } from "@/lib/topology/host-placement";
import { parseCsv, type TCsvRecord } from "@/lib/topology/parse-csv";
import { describeForeignHost } from "@/lib/topology/topology-errors";
import { text, type TLocalText } from "@/lib/core/i18n";

export const MAX_IMPORT_LINES = 5_000;
export const IMPORT_COLUMNS = ["bk_host_innerip", "bk_cloud_id", "bk_host_name", "bk_set_name", "bk_module_name"] as const;
const MAX_HOST_NAME = 256;

type TColumn = (typeof IMPORT_COLUMNS)[number];

/** new: joins the business · unchanged: already there · move: changes modules · rename: only its host name changes */
export type TImportStatus = "new" | "unchanged" | "move" | "rename";

export type TImportLine = {
  line: number;
  ip: string;
  cloudId: string;
  hostName: string;
  setName: string;
  moduleName: string;
  status: TImportStatus | null;
  /** the host's modules in this business now ("set / module") */
  from: string[];
  /** where the line puts it */
  to: string | null;
  /** the host name it has now, when the line changes it */
  hostNameFrom: string | null;
  error: TLocalText | null;
};

export type TImportPlan = { lines: TImportLine[]; counts: Record<TImportStatus | "error", number> };

/** What apply needs beyond the display: ids per valid line. */
export type TPlannedLine = TImportLine & { hostId: number | null; targetModuleId: number | null; parsedCloudId: number };

type TKnownHost = { hostId: number; hostName: string; moduleIds: number[]; otherBusinesses: { bizId: number; name: string }[] };

export async function planHostImport(tx: TTx, bizId: number, csv: string): Promise<{ plan: TImportPlan; planned: TPlannedLine[]; modules: Map<number, TModuleInfo> }> {
  const records = parseCsv(csv);
  const header = records.shift();
  if (!header) throw new ApiError("FIELD_CHECK_FAILED", text("csv is empty: give a header line, then one line per host", "csv 为空：第一行为列名，之后每行一台主机"));
  const columns = readHeader(header);
  const modules = await readModules(tx, bizId);
  const byName = new Map([...modules.values()].map((module) => [`${module.setName}\u0000${module.name}`, module]));
  const setNames = new Set([...modules.values()].map((module) => module.setName));
  const idle = [...modules.values()].find((module) => module.defaultFlag === MODULE_FLAG.idle) ?? null;

  const kept = records.slice(0, MAX_IMPORT_LINES);
  const parsed = kept.map((record) => parseLine(record, columns));
  const known = await readKnownHosts(tx, bizId, parsed.filter((line) => !line.error).map((line) => ({ cloudId: line.parsedCloudId, ip: line.ip })));

  const firstLineOf = new Map<string, number>();
  const planned = parsed.map((line): TPlannedLine => {
    if (line.error) return line;
    const key = identityKey({ cloudId: line.parsedCloudId, ip: line.ip });
    const earlier = firstLineOf.get(key);
    if (earlier !== undefined) return { ...line, error: text(`duplicate: line ${earlier} already names host ${key}`, `重复：第 ${earlier} 行已包含主机 ${key}`) };
    firstLineOf.set(key, line.line);

    const target = resolveTarget(line, byName, setNames, idle);
    if ("error" in target) return { ...line, error: target.error };
    const host = known.get(key);
    if (host?.otherBusinesses.length) return { ...line, error: describeForeignHost({ ip: line.ip, cloudId: line.parsedCloudId, otherBusinesses: host.otherBusinesses }) };

    const from = host ? labelsOf(host.moduleIds, modules) : [];
    const hostNameFrom = host && line.hostName && line.hostName !== host.hostName ? host.hostName : null;
    const status: TImportStatus = !host?.moduleIds.length
      ? "new"
      : target.moduleId !== null && isSamePlacement(host.moduleIds, [target.moduleId])
        ? hostNameFrom === null
          ? "unchanged"
          : "rename"
        : "move";
    return { ...line, hostId: host?.hostId ?? null, targetModuleId: target.moduleId, status, from, to: target.label, hostNameFrom };
  });

  const lines: TImportLine[] = planned.map(({ hostId: _hostId, targetModuleId: _targetModuleId, parsedCloudId: _parsedCloudId, ...line }) => line);
  if (records.length > MAX_IMPORT_LINES) {
    const first = records[MAX_IMPORT_LINES];
    const reason = text(
      `too many lines: ${records.length} hosts given, at most ${MAX_IMPORT_LINES.toLocaleString("en")} per import; lines from ${first.line} on were not read`,
      `行数过多：共 ${records.length} 台主机，每次最多导入 ${MAX_IMPORT_LINES} 台；从第 ${first.line} 行起未读取`,
    );
    lines.push({ ...emptyLine(first.line), error: reason });
  }
  return { plan: { lines, counts: countStatuses(lines) }, planned, modules };
}

function readHeader(header: TCsvRecord): Map<TColumn, number> {
  const columns = new Map<TColumn, number>();
  const isHeader = header.fields.some((raw) => (IMPORT_COLUMNS as readonly string[]).includes(raw.trim().toLowerCase()));
  if (!isHeader) throw headerMissing(header.line);
  header.fields.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    if (!name) return;
    if (!(IMPORT_COLUMNS as readonly string[]).includes(name)) {
      throw new ApiError(
        "FIELD_CHECK_FAILED",
        text(`csv line ${header.line}: unknown column '${raw}'; the columns are ${IMPORT_COLUMNS.join(", ")}`, `csv 第 ${header.line} 行：未知列 '${raw}'，可用的列为 ${IMPORT_COLUMNS.join(", ")}`),
      );
    }
    if (columns.has(name as TColumn)) throw new ApiError("FIELD_CHECK_FAILED", text(`csv line ${header.line}: column '${name}' appears twice`, `csv 第 ${header.line} 行：列 '${name}' 重复`));
    columns.set(name as TColumn, index);
  });
  if (!columns.has("bk_host_innerip")) throw headerMissing(header.line);
  return columns;
}

function headerMissing(line: number) {
  return new ApiError(
    "FIELD_CHECK_FAILED",
    text(`csv line ${line} must be the header naming the columns, with at least bk_host_innerip (e.g. ${IMPORT_COLUMNS.join(",")})`, `csv 第 ${line} 行必须是列名，至少包含 bk_host_innerip（如 ${IMPORT_COLUMNS.join(",")}）`),
  );
}

function emptyLine(line: number): TPlannedLine {
  return { line, ip: "", cloudId: "", hostName: "", setName: "", moduleName: "", status: null, from: [], to: null, hostNameFrom: null, error: null, hostId: null, targetModuleId: null, parsedCloudId: 0 };
}

function parseLine(record: TCsvRecord, columns: Map<TColumn, number>): TPlannedLine {
  const value = (column: TColumn) => {
    const index = columns.get(column);
    return index === undefined ? "" : (record.fields[index] ?? "").trim();
  };
  const line: TPlannedLine = { ...emptyLine(record.line), ip: value("bk_host_innerip"), cloudId: value("bk_cloud_id"), hostName: value("bk_host_name"), setName: value("bk_set_name"), moduleName: value("bk_module_name") };
  const extra = record.fields.filter((field, index) => field.trim() !== "" && ![...columns.values()].includes(index));
  if (extra.length) return { ...line, error: text(`has ${record.fields.length} fields but the header names ${columns.size} columns`, `有 ${record.fields.length} 个字段，但列名只有 ${columns.size} 列`) };
  if (!line.ip) return { ...line, error: text("bk_host_innerip is required", "bk_host_innerip 必填") };
  if (!isIpv4(line.ip)) return { ...line, error: text(`bk_host_innerip '${line.ip}' is not an IPv4 address such as 10.0.0.5`, `bk_host_innerip '${line.ip}' 不是 IPv4 地址（如 10.0.0.5）`) };
  const cloudId = line.cloudId === "" ? 0 : /^\d{1,10}$/.test(line.cloudId) ? Number(line.cloudId) : NaN;
  if (!Number.isSafeInteger(cloudId) || cloudId > MAX_CLOUD_ID) {
    return { ...line, error: text(`bk_cloud_id '${line.cloudId}' must be a whole number from 0 to ${MAX_CLOUD_ID}`, `bk_cloud_id '${line.cloudId}' 必须是 0 到 ${MAX_CLOUD_ID} 的整数`) };
  }
  if (line.hostName.length > MAX_HOST_NAME) return { ...line, error: text(`bk_host_name is longer than ${MAX_HOST_NAME} characters`, `bk_host_name 超过 ${MAX_HOST_NAME} 个字符`) };
  return { ...line, parsedCloudId: cloudId };
}

function resolveTarget(line: TPlannedLine, byName: Map<string, TModuleInfo>, setNames: Set<string>, idle: TModuleInfo | null): { moduleId: number | null; label: string } | { error: TLocalText } {
  if (!line.setName && !line.moduleName) {
    // no idle module yet (a business made outside the console): apply creates the idle pool
    return idle ? { moduleId: idle.moduleId, label: idle.label } : { moduleId: null, label: `${IDLE_POOL_SET_NAME} / ${IDLE_MODULE_NAME}` };
  }
  if (!line.setName || !line.moduleName) {
    return { error: text("give both bk_set_name and bk_module_name, or leave both empty for the idle module", "bk_set_name 与 bk_module_name 需同时填写，或都留空（放入空闲机）") };
  }
  if (!setNames.has(line.setName)) return { error: text(`unknown set '${line.setName}'`, `集群 '${line.setName}' 不存在`) };
  const module = byName.get(`${line.setName}\u0000${line.moduleName}`);
  if (!module) return { error: text(`set '${line.setName}' has no module '${line.moduleName}'`, `集群 '${line.setName}' 中没有模块 '${line.moduleName}'`) };
  return { moduleId: module.moduleId, label: module.label };
}

async function readKnownHosts(tx: TTx, bizId: number, identities: { cloudId: number; ip: string }[]): Promise<Map<string, TKnownHost>> {
  if (!identities.length) return new Map();
  const rows = await tx.$queryRaw<{ bk_host_id: number; bk_cloud_id: number; bk_host_innerip: string; bk_host_name: string; module_id: number | null; biz_id: number | null; biz_name: string | null }[]>`
    SELECT h.bk_host_id, h.bk_cloud_id, h.bk_host_innerip, h.bk_host_name, m.bk_module_id AS module_id, m.bk_biz_id AS biz_id, b.bk_biz_name AS biz_name
    FROM unnest(${identities.map((identity) => identity.cloudId)}::int[], ${identities.map((identity) => identity.ip)}::text[]) AS wanted(cloud_id, ip)
    JOIN host h ON h.bk_cloud_id = wanted.cloud_id AND h.bk_host_innerip = wanted.ip
    LEFT JOIN host_module hm ON hm.bk_host_id = h.bk_host_id
    LEFT JOIN module m ON m.bk_module_id = hm.bk_module_id
    LEFT JOIN business b ON b.bk_biz_id = m.bk_biz_id`;
  const hosts = new Map<string, TKnownHost>();
  for (const row of rows) {
    const key = identityKey({ cloudId: row.bk_cloud_id, ip: row.bk_host_innerip });
    let host = hosts.get(key);
    if (!host) {
      host = { hostId: row.bk_host_id, hostName: row.bk_host_name, moduleIds: [], otherBusinesses: [] };
      hosts.set(key, host);
    }
    if (row.module_id === null || row.biz_id === null) continue;
    if (row.biz_id === bizId) host.moduleIds.push(row.module_id);
    else if (!host.otherBusinesses.some((other) => other.bizId === row.biz_id)) host.otherBusinesses.push({ bizId: row.biz_id, name: row.biz_name ?? "" });
  }
  return hosts;
}

function countStatuses(lines: readonly TImportLine[]): TImportPlan["counts"] {
  const counts = { new: 0, unchanged: 0, move: 0, rename: 0, error: 0 };
  for (const line of lines) counts[line.error ? "error" : (line.status ?? "error")]++;
  return counts;
}
