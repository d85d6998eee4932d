// What an agent did on its own (a dead managed process restarted, a restart failed, given up) as audit
// entries of the process's business, so the people who look at that business see it: a catalogue or
// GSEKit namespace (GSEKIT_BIZ_<id>) names the business, and a catalogue process of that name is
// linked by id (its history lists the entry). Other namespaces (a GSE caller's own) have no business:
// their entries stay with the administrators, as before.
import "server-only";
import type { TTx } from "@/lib/core/db";
import type { TAuditInput } from "@/lib/core/write-audit-entry";
import type { TAgentEvent } from "@/lib/protocol/agent-protocol";
import type { TAgentHost } from "@/lib/operations/agent-token";
import { businessOfNamespace } from "@/lib/operations/catalogue-spec";

export const AGENT_EVENT_OBJECT = "managed_process";

export async function toAgentEventAudits(tx: TTx, host: TAgentHost, events: TAgentEvent[]): Promise<TAuditInput[]> {
  if (!events.length) return [];
  const bizIds = [...new Set(events.map((event) => businessOfNamespace(event.namespace)).filter((id) => id !== null))];
  // only businesses that exist (an audit row for a made-up id would be nobody's), and their processes by name
  const processes = bizIds.length
    ? await tx.process.findMany({ where: { bizId: { in: bizIds }, bk_process_name: { in: [...new Set(events.map((event) => event.name))] } }, select: { id: true, bizId: true, bk_process_name: true } })
    : [];
  const existing = new Set(bizIds.length ? (await tx.business.findMany({ where: { id: { in: bizIds } }, select: { id: true } })).map((b) => b.id) : []);
  const processOf = new Map(processes.map((p) => [`${p.bizId}\u0000${p.bk_process_name}`, p.id]));
  return events.map((event) => {
    const namespaceBiz = businessOfNamespace(event.namespace);
    const bizId = namespaceBiz !== null && existing.has(namespaceBiz) ? namespaceBiz : null;
    const processId = bizId === null ? null : (processOf.get(`${bizId}\u0000${event.name}`) ?? null);
    return {
      actor: { type: "system" as const, name: `agent@${host.cloudId}:${host.innerIp}` },
      bizId,
      objectType: AGENT_EVENT_OBJECT,
      objectId: `${host.id}:${event.namespace}:${event.name}`,
      objectName: event.name,
      action: event.kind,
      after: { message: event.message, pid: event.pid, at: event.at, ip: host.innerIp, bk_cloud_id: host.cloudId, namespace: event.namespace, process_id: processId },
    };
  });
}
