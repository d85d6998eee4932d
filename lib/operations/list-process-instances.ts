// Per host, what its agent last reported for a catalogue process: running or not, pid, managed flag,
// restarts and the last change, and the resource figures it last sampled (with the heartbeat) for the
// pid now running: CPU, memory and the start time (uptime).
import "server-only";
import { getDb } from "@/lib/core/db";
import { catalogueNamespace } from "@/lib/operations/catalogue-spec";
import { listOperationHosts, type TOperationHost } from "@/lib/operations/list-operation-hosts";
import { getProcessRecord } from "@/lib/processes/get-process-detail";
import type { TBusinessRef } from "@/lib/core/business-ref";

export type TProcessInstance = TOperationHost & {
  isKnown: boolean;
  isRunning: boolean;
  isManaged: boolean;
  pid: number | null;
  restartCount: number;
  lastEvent: string;
  updatedAt: string | null;
  /** when the running pid started; null when not running or not sampled yet */
  startedAt: string | null;
  cpuPercent: number | null;
  memBytes: number | null;
};

export async function listProcessInstances(business: TBusinessRef, processId: number): Promise<TProcessInstance[]> {
  const { record } = await getProcessRecord(business, processId);
  const hosts = await listOperationHosts(business.id, processId);
  const states = await getDb().managedProcess.findMany({
    where: { namespace: catalogueNamespace(business.id), name: record.bk_process_name, hostId: { in: hosts.map((h) => h.hostId) } },
  });
  const byHost = new Map(states.map((state) => [state.hostId, state]));
  return hosts.map((host) => {
    const state = byHost.get(host.hostId);
    // figures of an earlier pid are not this process's
    const stats = state?.isRunning && state.statsPid !== null && state.statsPid === state.pid ? state : null;
    return {
      ...host,
      isKnown: Boolean(state),
      isRunning: state?.isRunning ?? false,
      isManaged: state?.isManaged ?? false,
      pid: state?.pid ?? null,
      restartCount: state?.restartCount ?? 0,
      lastEvent: state?.lastEvent ?? "",
      updatedAt: state?.updatedAt.toISOString() ?? null,
      startedAt: stats?.procStartedAt?.toISOString() ?? null,
      cpuPercent: stats?.cpuPercent ?? null,
      memBytes: stats?.memBytes === null || stats?.memBytes === undefined ? null : Number(stats.memBytes),
    };
  });
}
