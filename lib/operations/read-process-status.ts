// GSE get_proc_status(_v2), the GSE 2.0 get_proc_status_v2 and sync_proc_status: what each host's agent
// last reported for its processes. The app needs the viewer role in the business of every known host it
// names; sync_proc_status without hosts lists only hosts whose businesses the app may view.
//
// Each entry is shaped as bk-nodeman and GSEKit read it: meta, host {ip, bk_cloud_id}, bk_agent_id,
// status / flag (0 unregistered, 1 running, 2 stopped), isauto, pid, version, report_time.
import "server-only";
import { z } from "zod";
import { assertCanOnHosts } from "@/lib/access/assert-host-access";
import { hostKeyOf, loadHostBusinesses } from "@/lib/access/load-host-businesses";
import { ALL_BUSINESSES, can, type TPrincipal } from "@/lib/access/permissions";
import { ApiError } from "@/lib/core/errors";
import { getDb } from "@/lib/core/db";
import { text } from "@/lib/core/i18n";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hostsOfRequest, ZAgentIdList, ZGseHosts } from "@/lib/operations/gse-targets";
import { parseEsbInput } from "@/lib/operations/parse-esb-input";
import { ZLabels } from "@/lib/operations/process-spec";

const GSE_STATUS = { UNREGISTERED: 0, RUNNING: 1, STOPPED: 2 } as const;

const ZStatusQuery = z.object({
  meta: z.object({ namespace: z.string().min(1).max(256), name: z.string().min(1).max(256), labels: ZLabels.nullish() }),
  hosts: ZGseHosts.optional(),
  agent_id_list: ZAgentIdList.optional(),
});

const ZSyncQuery = z.object({
  meta: z.object({ namespace: z.string().min(1).max(256), name: z.string().min(1).max(256).nullish(), labels: ZLabels.nullish() }),
  hosts: ZGseHosts.optional(),
  agent_id_list: ZAgentIdList.optional(),
  page: z.object({ start: z.number().int().min(0).max(10_000_000).nullish(), limit: z.number().int().min(1).max(5000).nullish() }).nullish(),
});

const SYNC_DEFAULT_LIMIT = 500;

type TStatusRow = Prisma.ManagedProcessGetPayload<{ include: { host: { select: { cloudId: true; innerIp: true; agentId: true } } } }>;

/** get_proc_status(_v2): one entry per asked host, "unregistered" where its agent knows no such process. */
export async function readProcessStatus(body: Record<string, unknown>, principal: TPrincipal) {
  const { meta, hosts: v1Hosts, agent_id_list: agentIds } = parseEsbInput(ZStatusQuery, body);
  if (!v1Hosts && !agentIds) throw new ApiError("OUT_OF_RANGE", text("hosts (or agent_id_list) is required", "缺少 hosts（或 agent_id_list）"));
  const hosts = await hostsOfRequest(v1Hosts, agentIds);
  await assertCanOnHosts(principal, "view", hosts.filter((host) => host.ip));
  const known = hosts.some((host) => host.ip)
    ? await getDb().managedProcess.findMany({
        where: { namespace: meta.namespace, name: meta.name, host: { OR: hosts.filter((h) => h.ip).map((h) => ({ cloudId: h.cloudId, innerIp: h.ip })) } },
        include: { host: { select: { cloudId: true, innerIp: true, agentId: true } } },
      })
    : [];
  const byHost = new Map(known.map((row) => [`${row.host.cloudId}:${row.host.innerIp}`, row]));
  return {
    proc_infos: hosts.map((host) => {
      const row = byHost.get(`${host.cloudId}:${host.ip}`);
      const base = { meta: { namespace: meta.namespace, name: meta.name, labels: meta.labels ?? {} }, host: { ip: host.ip, bk_cloud_id: host.cloudId }, bk_agent_id: host.agentRef ?? row?.host.agentId ?? "" };
      return row ? { ...base, ...describeState(row) } : { ...base, ...UNREGISTERED };
    }),
  };
}

/** sync_proc_status: every process of a namespace (optionally one name, some hosts), paged, with the total. */
export async function syncProcessStatus(body: Record<string, unknown>, principal: TPrincipal) {
  const query = parseEsbInput(ZSyncQuery, body);
  const hosts = query.hosts || query.agent_id_list ? await hostsOfRequest(query.hosts, query.agent_id_list) : null;
  if (hosts) await assertCanOnHosts(principal, "view", hosts.filter((host) => host.ip));
  const rows = await getDb().managedProcess.findMany({
    where: {
      namespace: query.meta.namespace,
      ...(query.meta.name ? { name: query.meta.name } : {}),
      ...(hosts ? { host: { OR: hosts.filter((h) => h.ip).map((h) => ({ cloudId: h.cloudId, innerIp: h.ip })) } } : {}),
    },
    include: { host: { select: { cloudId: true, innerIp: true, agentId: true } } },
    orderBy: [{ hostId: "asc" }, { name: "asc" }],
  });
  const visible = hosts ? rows : await keepViewable(rows, principal);
  const start = query.page?.start ?? 0;
  const limit = query.page?.limit ?? SYNC_DEFAULT_LIMIT;
  return {
    count: visible.length,
    proc_infos: visible.slice(start, start + limit).map((row) => ({
      meta: { namespace: row.namespace, name: row.name, labels: {} },
      host: { ip: row.host.innerIp, bk_cloud_id: row.host.cloudId },
      bk_agent_id: row.host.agentId,
      ...describeState(row),
    })),
  };
}

const UNREGISTERED = { status: GSE_STATUS.UNREGISTERED, flag: GSE_STATUS.UNREGISTERED, isauto: false, pid: -1, version: "", message: "", register_time: null, last_start_time: null, report_time: null, cpu_usage: 0, mem_usage: 0 };

function describeState(row: TStatusRow) {
  const status = row.isRunning ? GSE_STATUS.RUNNING : GSE_STATUS.STOPPED;
  return {
    status,
    // the expected state: a managed process is meant to run
    flag: row.isManaged ? GSE_STATUS.RUNNING : status,
    isauto: row.isManaged,
    pid: row.pid ?? -1,
    version: "",
    message: row.lastEvent,
    register_time: null,
    last_start_time: null,
    report_time: row.updatedAt.toISOString(),
    cpu_usage: 0,
    mem_usage: 0,
  };
}

async function keepViewable(rows: TStatusRow[], principal: TPrincipal): Promise<TStatusRow[]> {
  const businesses = await loadHostBusinesses(rows.map((row) => ({ cloudId: row.host.cloudId, ip: row.host.innerIp })));
  return rows.filter((row) => {
    const bizIds = businesses.get(hostKeyOf({ cloudId: row.host.cloudId, ip: row.host.innerIp })) ?? [];
    return (bizIds.length ? bizIds : [ALL_BUSINESSES]).every((bizId) => can(principal, "view", bizId));
  });
}
