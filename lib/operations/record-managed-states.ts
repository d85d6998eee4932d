// The agent's view of its managed processes, sent with every poll and report, is the truth the
// console's process-instance view shows.
import { z } from "zod";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TManagedState } from "@/lib/agent/protocol";

const ZSpec = z.object({
  procName: z.string(),
  setupPath: z.string(),
  pidPath: z.string(),
  user: z.string(),
  startCmd: z.string(),
  stopCmd: z.string(),
  restartCmd: z.string(),
  reloadCmd: z.string(),
  killCmd: z.string(),
  autoType: z.number(),
  startCheckSecs: z.number(),
  startRetries: z.number(),
  startInterval: z.number(),
  opTimeout: z.number(),
});

export const ZManagedState = z.object({
  namespace: z.string().max(256),
  name: z.string().max(512),
  spec: ZSpec,
  isManaged: z.boolean(),
  isRunning: z.boolean(),
  pid: z.number().int().nullable(),
  restartCount: z.number().int().min(0),
  lastEvent: z.string().max(1000),
});

export async function recordManagedStates(hostId: number, states: TManagedState[]): Promise<void> {
  const db = getDb();
  await db.$transaction(async (tx) => {
    for (const state of states) {
      const data = {
        spec: state.spec as unknown as Prisma.InputJsonValue,
        isManaged: state.isManaged,
        isRunning: state.isRunning,
        pid: state.pid,
        restartCount: state.restartCount,
        lastEvent: state.lastEvent,
      };
      await tx.managedProcess.upsert({
        where: { hostId_namespace_name: { hostId, namespace: state.namespace, name: state.name } },
        create: { hostId, namespace: state.namespace, name: state.name, ...data },
        update: data,
      });
    }
  });
}
