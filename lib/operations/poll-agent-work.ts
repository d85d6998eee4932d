// An agent's long-poll: heartbeat, record its managed list, then claim its queued rows
// (FOR UPDATE SKIP LOCKED, so concurrent polls and instances never hand out a row twice). With
// nothing queued it waits for a NOTIFY for its host, up to waitMs.
import { z } from "zod";
import { getDb } from "@/lib/db";
import { MAX_WAIT_MS, type TPollReply, type TProcSpec, type TWorkItem } from "@/lib/agent/protocol";
import type { TAgentHost } from "@/lib/operations/agent-token";
import { recordManagedStates, ZManagedState } from "@/lib/operations/record-managed-states";
import { settleOverdueRows } from "@/lib/operations/settle-overdue-rows";
import { getWorkNotifier } from "@/lib/operations/work-notifier";

export const ZPollRequest = z.object({
  version: z.string().max(64).default(""),
  waitMs: z.number().int().min(0).max(MAX_WAIT_MS).default(MAX_WAIT_MS),
  managed: z.array(ZManagedState).max(10_000).default([]),
});

const CLAIM_BATCH = 100;
/** Seconds a claimed row may run past its op_timeout before the sweep fails it (agent reporting slack). */
const REPORT_SLACK_SECS = Number(process.env.PROCDECK_REPORT_SLACK_SECS ?? 15);

export async function pollAgentWork(host: TAgentHost, input: z.infer<typeof ZPollRequest>, signal?: AbortSignal): Promise<TPollReply> {
  await getDb().host.update({ where: { id: host.id }, data: { agentLastSeenAt: new Date(), agentVersion: input.version } });
  await recordManagedStates(host.id, input.managed);
  await settleOverdueRows();

  const subscription = await getWorkNotifier().subscribe(host.id);
  let work = await claimWork(host.id);
  if (work.length || input.waitMs === 0) {
    subscription.cancel();
    return { work };
  }
  await subscription.wait(input.waitMs, signal);
  work = await claimWork(host.id);
  return { work };
}

async function claimWork(hostId: number): Promise<TWorkItem[]> {
  const rows = await getDb().$queryRaw<{ id: bigint; op_type: number; namespace: string; name: string; spec: TProcSpec }[]>`
    UPDATE task_row r SET claimed_at = now(),
      deadline = now() + make_interval(secs => (r.spec->>'opTimeout')::int + (r.spec->>'startCheckSecs')::int + ${REPORT_SLACK_SECS})
    WHERE r.id IN (
      SELECT id FROM task_row WHERE bk_host_id = ${hostId} AND code = 115 AND claimed_at IS NULL
      ORDER BY id LIMIT ${CLAIM_BATCH} FOR UPDATE SKIP LOCKED)
    RETURNING r.id, r.op_type, r.namespace, r.name, r.spec`;
  return rows.map((row) => ({ rowId: String(row.id), opType: row.op_type, namespace: row.namespace, name: row.name, spec: row.spec }));
}
