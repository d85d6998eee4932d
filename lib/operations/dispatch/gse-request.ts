// What Procdeck sends to an existing GSE and how it reads the answer (BlueKing ESB, GSE component):
// - operate_proc_multi {proc_operate_req: [{meta: {namespace, name, labels}, op_type, hosts: [{ip,
//   bk_cloud_id}], spec: {identity, control, alive_monitor_policy}}]} → {task_id}, as GSEKit's v1
//   adapter sends it: one request per (meta, op type, spec), with all its hosts;
// - get_proc_operate_result_v2 {task_id} → {"<cloud>:<ip>:<ns>:<name>": {error_code, error_msg, content}}
//   (a GSE that keys v1-style, "<cloud>:<supplier>:<ip>:<ns>:<name>", is read too). A key not there
//   yet is still running (115), as GSEKit reads it.
// A task's rows become batches, one operate_proc_multi each: at most MAX_REQUESTS requests of at most
// MAX_HOSTS hosts, and never one host × process twice in a batch (their results would share a key).
// Batching depends only on the rows in id order, so the collector rebuilds the same batches on every poll.
import { z } from "zod";
import type { TProcSpec } from "@/lib/protocol/agent-protocol";
import { gseV2Key } from "@/lib/operations/gse-result-keys";

export const MAX_REQUESTS = 1000;
export const MAX_HOSTS = 5000;

export type TDispatchRow = { id: string; cloudId: number; ip: string; namespace: string; name: string; opType: number; spec: TProcSpec; labels: Record<string, string> };

export type TGseSpec = {
  identity: { index_key: string; proc_name: string; setup_path: string; pid_path: string; user: string };
  control: { start_cmd: string; stop_cmd: string; restart_cmd: string; reload_cmd: string; kill_cmd: string };
  alive_monitor_policy: { auto_type: number; start_check_secs: number; start_retries: number; start_interval: number; op_timeout: number };
};

export type TGseProcRequest = {
  meta: { namespace: string; name: string; labels: Record<string, string> };
  op_type: number;
  hosts: { ip: string; bk_cloud_id: number }[];
  spec: TGseSpec;
};

export type TBatch = { requests: TGseProcRequest[]; rows: TDispatchRow[] };

/** The normalised spec back in GSE's words (lib/operations/process-spec.ts reads them the other way). */
export function specToGse(spec: TProcSpec): TGseSpec {
  return {
    identity: { index_key: "", proc_name: spec.procName, setup_path: spec.setupPath, pid_path: spec.pidPath, user: spec.user },
    control: { start_cmd: spec.startCmd, stop_cmd: spec.stopCmd, restart_cmd: spec.restartCmd, reload_cmd: spec.reloadCmd, kill_cmd: spec.killCmd },
    alive_monitor_policy: { auto_type: spec.autoType, start_check_secs: spec.startCheckSecs, start_retries: spec.startRetries, start_interval: spec.startInterval, op_timeout: spec.opTimeout },
  };
}

type TOpenBatch = TBatch & { keys: Set<string>; groups: Map<string, TGseProcRequest> };

export function batchRows(rows: TDispatchRow[], limits = { maxRequests: MAX_REQUESTS, maxHosts: MAX_HOSTS }): TBatch[] {
  const batches: TOpenBatch[] = [];
  for (const row of rows) {
    const key = gseV2Key(row);
    const group = JSON.stringify([row.namespace, row.name, row.opType, row.spec, row.labels]);
    const fits = (batch: TOpenBatch) => {
      if (batch.keys.has(key)) return false;
      const request = batch.groups.get(group);
      return (request !== undefined && request.hosts.length < limits.maxHosts) || batch.requests.length < limits.maxRequests;
    };
    let batch = batches.find(fits);
    if (!batch) {
      batch = { requests: [], rows: [], keys: new Set(), groups: new Map() };
      batches.push(batch);
    }
    let request = batch.groups.get(group);
    if (!request || request.hosts.length >= limits.maxHosts) {
      request = { meta: { namespace: row.namespace, name: row.name, labels: row.labels }, op_type: row.opType, hosts: [], spec: specToGse(row.spec) };
      batch.requests.push(request);
      batch.groups.set(group, request);
    }
    request.hosts.push({ ip: row.ip, bk_cloud_id: row.cloudId });
    batch.rows.push(row);
    batch.keys.add(key);
  }
  return batches.map(({ requests, rows: batchRows }) => ({ requests, rows: batchRows }));
}

const ZRemoteResult = z.object({
  error_code: z.coerce.number().int(),
  error_msg: z.unknown().optional(),
  content: z.unknown().optional(),
});

export type TRemoteResult = { code: number; message: string; content: string };

function asText(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** A row's result in a get_proc_operate_result_v2 answer; undefined while GSE has none (still running). */
export function findRemoteResult(data: unknown, row: Pick<TDispatchRow, "cloudId" | "ip" | "namespace" | "name">): TRemoteResult | undefined {
  if (!data || typeof data !== "object") return undefined;
  const record = data as Record<string, unknown>;
  const value = record[gseV2Key(row)] ?? record[`${row.cloudId}:0:${row.ip}:${row.namespace}:${row.name}`];
  const parsed = ZRemoteResult.safeParse(value);
  if (!parsed.success) return undefined;
  return { code: parsed.data.error_code, message: asText(parsed.data.error_msg), content: asText(parsed.data.content) };
}
