// The hosts a catalogue process runs on: every host of every module (of the business) whose name the
// process is bound to, with set, module and agent state, for choosing where to operate. An unknown
// process (or one of another business) is a 404, not an empty list.
import "server-only";
import { getDb } from "@/lib/core/db";
import { processNotFound } from "@/lib/processes/assert-valid-input";
import { AGENT_OFFLINE_AFTER_SECS } from "@/lib/protocol/agent-protocol";

export type TOperationHost = {
  hostId: number;
  ip: string;
  cloudId: number;
  hostName: string;
  setName: string;
  moduleName: string;
  agentState: "online" | "offline" | "revoked" | "none";
};

export async function listOperationHosts(bizId: number, processId: number): Promise<TOperationHost[]> {
  const rows = await getDb().$queryRaw<{ bk_host_id: number; bk_host_innerip: string; bk_cloud_id: number; bk_host_name: string; bk_set_name: string; bk_module_name: string; agent_state: TOperationHost["agentState"] }[]>`
    SELECT h.bk_host_id, h.bk_host_innerip, h.bk_cloud_id, h.bk_host_name, s.bk_set_name, m.bk_module_name,
      CASE WHEN h.agent_revoked_at IS NOT NULL THEN 'revoked'
           WHEN h.agent_last_seen_at IS NULL THEN 'none'
           WHEN h.agent_disconnected_at IS NULL AND h.agent_last_seen_at > now() - make_interval(secs => ${AGENT_OFFLINE_AFTER_SECS}) THEN 'online'
           ELSE 'offline' END AS agent_state
    FROM process_module_binding b
    JOIN module m ON m.bk_biz_id = b.bk_biz_id AND m.bk_module_name = b.bk_module_name AND m."default" = 0
    JOIN "set" s ON s.bk_set_id = m.bk_set_id
    JOIN host_module hm ON hm.bk_module_id = m.bk_module_id
    JOIN host h ON h.bk_host_id = hm.bk_host_id
    WHERE b.bk_process_id = ${processId} AND b.bk_biz_id = ${bizId}
    ORDER BY s.bk_set_name, m.bk_module_name, h.bk_host_innerip`;
  // hosts imply a binding, and a binding its process: only an empty answer needs the check
  if (!rows.length) await assertProcessExists(bizId, processId);
  return rows.map((row) => ({
    hostId: row.bk_host_id,
    ip: row.bk_host_innerip,
    cloudId: row.bk_cloud_id,
    hostName: row.bk_host_name,
    setName: row.bk_set_name,
    moduleName: row.bk_module_name,
    agentState: row.agent_state,
  }));
}

async function assertProcessExists(bizId: number, processId: number): Promise<void> {
  const process = await getDb().process.findFirst({ where: { id: processId, bizId }, select: { id: true } });
  if (!process) throw processNotFound(processId, bizId);
}
