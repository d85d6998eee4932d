// An operation is stored before the reply: one task and one row per (host × process), in one
// transaction, with its audit entry. Waiting agents are woken by NOTIFY (sent at commit).
import { writeAuditEntries, type TActor } from "@/lib/audit/write-audit-entry";
import { getDb, type TTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { RESULT_CODE, type TProcSpec } from "@/lib/agent/protocol";
import { nextTaskId } from "@/lib/operations/task-id";
import { WORK_CHANNEL } from "@/lib/operations/work-notifier";

/** opType overrides the task's for this row (operate_proc_multi mixes operations in one task). */
export type TTaskTarget = { cloudId: number; ip: string; namespace: string; name: string; spec: TProcSpec; opType?: number };

export type TCreateTaskInput = {
  source: "gse" | "job" | "console";
  opType: number;
  bizId: number | null;
  actor: TActor;
  targets: TTaskTarget[];
  processId?: number;
  retryOf?: string;
};

export async function createTask(input: TCreateTaskInput): Promise<string> {
  return getDb().$transaction(async (tx) => {
    const taskId = await nextTaskId(tx);
    const hostIds = await resolveHosts(tx, input.targets);
    await tx.task.create({
      data: {
        id: taskId,
        source: input.source,
        opType: input.opType,
        bizId: input.bizId,
        requestedBy: input.actor.name,
        appCode: input.actor.appCode ?? null,
        processId: input.processId ?? null,
        retryOf: input.retryOf ?? null,
        rowCount: input.targets.length,
      },
    });
    const now = new Date();
    await tx.taskRow.createMany({
      data: input.targets.map((target) => {
        const hostId = hostIds.get(hostKey(target)) ?? null;
        return {
          taskId,
          hostId,
          cloudId: target.cloudId,
          ip: target.ip,
          namespace: target.namespace,
          name: target.name,
          opType: target.opType ?? input.opType,
          spec: target.spec as unknown as Prisma.InputJsonValue,
          // a host the topology does not know can never answer: it ends at once
          ...(hostId === null ? { code: RESULT_CODE.AGENT_OFFLINE, message: `host ${target.cloudId}:${target.ip} is not known to Procdeck`, finishedAt: now } : {}),
        };
      }),
    });
    for (const hostId of new Set(hostIds.values())) {
      await tx.$executeRaw`SELECT pg_notify(${WORK_CHANNEL}, ${String(hostId)})`;
    }
    if (!hostIds.size) await tx.task.update({ where: { id: taskId }, data: { finishedAt: now } });
    await writeAuditEntries(tx, [
      {
        actor: input.actor,
        bizId: input.bizId,
        objectType: "task",
        objectId: taskId,
        objectName: [...new Set(input.targets.map((t) => t.name))].join(", ").slice(0, 200),
        action: "operate",
        after: { op_type: input.opType, source: input.source, rows: input.targets.length, process_id: input.processId ?? null, retry_of: input.retryOf ?? null },
      },
    ]);
    return taskId;
  });
}

function hostKey(target: { cloudId: number; ip: string }) {
  return `${target.cloudId}:${target.ip}`;
}

async function resolveHosts(tx: TTx, targets: TTaskTarget[]) {
  const pairs = [...new Map(targets.map((t) => [hostKey(t), t])).values()];
  const hosts = await tx.host.findMany({
    where: { OR: pairs.map((t) => ({ cloudId: t.cloudId, innerIp: t.ip })) },
    select: { id: true, cloudId: true, innerIp: true },
  });
  return new Map(hosts.map((h) => [hostKey({ cloudId: h.cloudId, ip: h.innerIp }), h.id]));
}
