// GSE get_proc_status(_v2), the GSE 2.0 get_proc_status_v2 and sync_proc_status: what each host's agent
// last reported for its processes. The app needs the viewer role in the business of every known host it
// names; sync_proc_status without hosts lists only hosts whose businesses the app may view.
//
// Each entry is shaped as bk-nodeman and GSEKit read it: meta, host {ip, bk_cloud_id}, bk_agent_id,
// status / flag (0 unregistered, 1 running, 2 stopped), isauto, pid, version, report_time.
import "server-only";
import { z } from "zod";
import { assertCanOnHosts } from "@/lib/access/assert-host-access";
import { visibleBusinessIds, type TPrincipal } from "@/lib/access/permissions";
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

/**
 * sync_proc_status: every process of a namespace (optionally one name, some hosts), paged, with the
 * total. One statement: the page and the total are taken in SQL, and without hosts named, only hosts
 * whose every business the app may view count (a host in no business needs the all-businesses view).
 */
export async function syncProcessStatus(body: Record<string, unknown>, principal: TPrincipal) {
  const query = parseEsbInput(ZSyncQuery, body);
  const hosts = query.hosts || query.agent_id_list ? await hostsOfRequest(query.hosts, query.agent_id_list) : null;
  if (hosts) await assertCanOnHosts(principal, "view", hosts.filter((host) => host.ip));
  const named = hosts?.filter((host) => host.ip) ?? [];
  const visible = hosts ? "all" : visibleBusinessIds(principal);
  const start = query.page?.start ?? 0;
  const limit = query.page?.limit ?? SYNC_DEFAULT_LIMIT;

  const rows = await getDb().$queryRaw<TSyncRow[]>`
    WITH matching AS (
      SELECT mp.namespace, mp.name, mp.is_running, mp.is_managed, mp.pid, mp.last_event, mp.updated_at, mp.bk_host_id,
        h.bk_cloud_id, h.bk_host_innerip, h.bk_agent_id
      FROM managed_process mp JOIN host h ON h.bk_host_id = mp.bk_host_id
      WHERE mp.namespace = ${query.meta.namespace}
        AND (${query.meta.name ?? null}::text IS NULL OR mp.name = ${query.meta.name ?? null})
        AND (${hosts === null} OR (h.bk_cloud_id, h.bk_host_innerip) IN (SELECT * FROM unnest(${named.map((h) => h.cloudId)}::int[], ${named.map((h) => h.ip)}::text[])))
        AND (${visible === "all"} OR (
          EXISTS (SELECT 1 FROM host_module hm WHERE hm.bk_host_id = h.bk_host_id)
          AND NOT EXISTS (SELECT 1 FROM host_module hm JOIN module m ON m.bk_module_id = hm.bk_module_id
                          WHERE hm.bk_host_id = h.bk_host_id AND m.bk_biz_id <> ALL(${visible === "all" ? [] : visible}::int[]))))
    )
    SELECT total.n::int AS total, page.* FROM (SELECT count(*) AS n FROM matching) total
    LEFT JOIN LATERAL (SELECT * FROM matching ORDER BY bk_host_id, name LIMIT ${limit} OFFSET ${start}) page ON true`;
  return {
    count: rows[0]?.total ?? 0,
    proc_infos: rows
      .filter((row) => row.namespace !== null)
      .map((row) => ({
        meta: { namespace: row.namespace, name: row.name, labels: {} },
        host: { ip: row.bk_host_innerip, bk_cloud_id: row.bk_cloud_id },
        bk_agent_id: row.bk_agent_id,
        ...describeState({ isRunning: row.is_running, isManaged: row.is_managed, pid: row.pid, lastEvent: row.last_event, updatedAt: row.updated_at }),
      })),
  };
}

/** A page row, or the one row holding only the total when the page is empty (its other columns null). */
type TSyncRow = {
  total: number;
  namespace: string;
  name: string;
  is_running: boolean;
  is_managed: boolean;
  pid: number | null;
  last_event: string;
  updated_at: Date;
  bk_cloud_id: number;
  bk_host_innerip: string;
  bk_agent_id: string;
};

const UNREGISTERED = { status: GSE_STATUS.UNREGISTERED, flag: GSE_STATUS.UNREGISTERED, isauto: false, pid: -1, version: "", message: "", register_time: null, last_start_time: null, report_time: null, cpu_usage: 0, mem_usage: 0 };

function describeState(row: Pick<TStatusRow, "isRunning" | "isManaged" | "pid" | "lastEvent" | "updatedAt">) {
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
