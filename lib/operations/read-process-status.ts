// GSE get_proc_status(_v2): what each host's agent last reported for a (namespace, name). The app needs
// the viewer role in the business of every known host it asks about.
import { z } from "zod";
import { assertCanOnHosts } from "@/lib/access/assert-host-access";
import type { TPrincipal } from "@/lib/access/permissions";
import { getDb } from "@/lib/db";
import { parseEsbInput } from "@/lib/operations/parse-esb-input";

const ZStatusQuery = z.object({
  meta: z.object({ namespace: z.string().min(1).max(256), name: z.string().min(1).max(256) }),
  hosts: z.array(z.object({ ip: z.string().min(1).max(64), bk_cloud_id: z.number().int().min(0) })).min(1).max(5000),
});

/** GSE status values: 0 unregistered, 1 running, 2 stopped. */
export async function readProcessStatus(body: Record<string, unknown>, principal: TPrincipal) {
  const { meta, hosts } = parseEsbInput(ZStatusQuery, body);
  await assertCanOnHosts(principal, "view", hosts.map((host) => ({ cloudId: host.bk_cloud_id, ip: host.ip })));
  const known = await getDb().managedProcess.findMany({
    where: { namespace: meta.namespace, name: meta.name, host: { OR: hosts.map((h) => ({ cloudId: h.bk_cloud_id, innerIp: h.ip })) } },
    include: { host: { select: { cloudId: true, innerIp: true } } },
  });
  const byHost = new Map(known.map((row) => [`${row.host.cloudId}:${row.host.innerIp}`, row]));
  return {
    proc_infos: hosts.map((host) => {
      const row = byHost.get(`${host.bk_cloud_id}:${host.ip}`);
      const status = !row ? 0 : row.isRunning ? 1 : 2;
      return {
        meta,
        host: { ip: host.ip, bk_cloud_id: host.bk_cloud_id },
        status,
        isauto: row?.isManaged ?? false,
        pid: row?.pid ?? -1,
        message: row?.lastEvent ?? "",
        report_time: row?.updatedAt.toISOString() ?? null,
      };
    }),
  };
}
