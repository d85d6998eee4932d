// An agent's results and events. A row is only written by the agent of its own host and only while it
// is still running (115): a late report after the sweep failed the row changes nothing.
import { z } from "zod";
import { writeAuditEntries } from "@/lib/audit/write-audit-entry";
import { getDb } from "@/lib/db";
import { OUTPUT_TAIL_BYTES } from "@/lib/agent/protocol";
import type { TAgentHost } from "@/lib/operations/agent-token";
import { recordManagedStates, ZManagedState } from "@/lib/operations/record-managed-states";
import { finishSettledTasks } from "@/lib/operations/settle-overdue-rows";

export const ZReportRequest = z.object({
  results: z
    .array(
      z.object({
        rowId: z.string().regex(/^\d+$/),
        code: z.number().int(),
        message: z.string().max(4000),
        content: z.string().max(20_000),
        exitCode: z.number().int().nullable(),
        outputTail: z.string().max(OUTPUT_TAIL_BYTES * 2),
        pid: z.number().int().nullable(),
        startedAt: z.string(),
        finishedAt: z.string(),
      }),
    )
    .max(1000)
    .default([]),
  events: z
    .array(z.object({ namespace: z.string(), name: z.string(), kind: z.enum(["restarted", "restart_failed", "gave_up"]), message: z.string().max(2000), pid: z.number().int().nullable(), at: z.string() }))
    .max(1000)
    .default([]),
  managed: z.array(ZManagedState).max(10_000).default([]),
});

export async function recordAgentReport(host: TAgentHost, report: z.infer<typeof ZReportRequest>): Promise<{ accepted: number }> {
  const db = getDb();
  let accepted = 0;
  await db.$transaction(async (tx) => {
    for (const result of report.results) {
      const { count } = await tx.taskRow.updateMany({
        where: { id: BigInt(result.rowId), hostId: host.id, code: 115 },
        data: {
          code: result.code,
          message: result.message,
          content: result.content,
          exitCode: result.exitCode,
          outputTail: result.outputTail.slice(-OUTPUT_TAIL_BYTES),
          pid: result.pid,
          startedAt: new Date(result.startedAt),
          finishedAt: new Date(result.finishedAt),
        },
      });
      accepted += count;
    }
    await writeAuditEntries(
      tx,
      report.events.map((event) => ({
        actor: { type: "system" as const, name: `agent@${host.cloudId}:${host.innerIp}` },
        bizId: null,
        objectType: "managed_process",
        objectId: `${host.id}:${event.namespace}:${event.name}`,
        objectName: event.name,
        action: event.kind,
        after: { message: event.message, pid: event.pid, at: event.at },
      })),
    );
    await tx.host.update({ where: { id: host.id }, data: { agentLastSeenAt: new Date() } });
  });
  await recordManagedStates(host.id, report.managed);
  await finishSettledTasks();
  return { accepted };
}
