// How each result API names a row, as the clients that poll it rebuild the key (README, "Works with"):
// - GSE v1 (get_proc_operate_result, register/update/unregister_proc_info): "<cloud>:<supplier>:<ip>:<ns>:<name>"
//   when the request gave bk_supplier_id (bk-nodeman's legacy client splits the key that way), else
//   "<cloud>:<ip>:<ns>:<name>" (README, "The operation APIs (ESB envelope)");
// - GSE get_proc_operate_result_v2: "<cloud>:<ip>:<ns>:<name>" (GSEKit's and bk-nodeman's v1 adapters);
// - GSE 2.0: "<agent id>:<ns>:<name>", the agent id as the request named the host ("<cloud>:<ip>" for a
//   host named by address), else the host's own agent id;
// - JOB get_proc_result: "<setup_path>/<proc_name>:<cloud>:<ip>".

type TKeyedRow = { cloudId: number; ip: string; namespace: string; name: string };

export function gseV1Key(row: TKeyedRow & { supplierId?: number | null }): string {
  return row.supplierId == null ? gseV2Key(row) : `${row.cloudId}:${row.supplierId}:${row.ip}:${row.namespace}:${row.name}`;
}

export function gseV2Key(row: TKeyedRow): string {
  return `${row.cloudId}:${row.ip}:${row.namespace}:${row.name}`;
}

export function gseAgentKey(row: TKeyedRow & { agentRef?: string | null; hostAgentId?: string | null }): string {
  return `${row.agentRef ?? row.hostAgentId ?? `${row.cloudId}:${row.ip}`}:${row.namespace}:${row.name}`;
}
