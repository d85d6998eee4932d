// Put hosts into a module: hosts of this business by id, or any host by cloud area + IP (a host the
// topology does not know yet is created). A host sitting in another business is refused, naming it.
import "server-only";
import { z } from "zod";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb, type TTx } from "@/lib/core/db";
import { identityKey, ZHostIdentity, type THostIdentity } from "@/lib/topology/host-identity";
import { modulesAfterPlacing, readModules, readPlacements, writePlacements, type THostPlacement } from "@/lib/topology/host-placement";
import { lockHostPlacement } from "@/lib/topology/lock-host-placement";
import { hostNotInBusiness, moduleNotFound, refusedForeignHosts } from "@/lib/topology/topology-errors";

const MAX_HOSTS = 5_000;

export const ZPlaceHosts = z.strictObject({
  /** hosts already in this business */
  hostIds: z.array(z.number().int().positive()).max(MAX_HOSTS).default([]),
  /** any host by identity */
  hosts: z.array(ZHostIdentity).max(MAX_HOSTS).default([]),
  /** add: keep the host's other ordinary modules; move: the target becomes its only module */
  mode: z.enum(["add", "move"]).default("add"),
});
export type TPlaceHosts = z.infer<typeof ZPlaceHosts>;

export type TPlaceResult = { moved: number; unchanged: number; created: number };

export async function placeHosts(bizId: number, moduleId: number, input: TPlaceHosts, actor: TActor): Promise<TPlaceResult> {
  return getDb().$transaction(async (tx) => {
    await lockHostPlacement(tx);
    const modules = await readModules(tx, bizId);
    const target = modules.get(moduleId);
    if (!target) throw moduleNotFound(moduleId, bizId);

    const byId = await readPlacements(tx, bizId, input.hostIds);
    for (const hostId of input.hostIds) {
      if (!byId.get(hostId)?.moduleIds.length) throw hostNotInBusiness(hostId, bizId);
    }
    const { placements: byIdentity, created } = await findOrCreateHosts(tx, bizId, input.hosts, actor);
    const hosts = new Map<number, THostPlacement>([...byId, ...byIdentity]);
    const foreign = [...hosts.values()].filter((host) => host.otherBusinesses.length);
    if (foreign.length) throw refusedForeignHosts(foreign);

    const changes = [...hosts.values()].map((host) => ({ host, after: modulesAfterPlacing(host.moduleIds, target, input.mode, modules), action: input.mode }));
    const moved = await writePlacements(tx, bizId, actor, changes, modules);
    return { moved, unchanged: changes.length - moved, created };
  });
}

/** The hosts of these identities, creating the unknown ones (each with its "host" audit row). */
export async function findOrCreateHosts(tx: TTx, bizId: number, identities: readonly (THostIdentity & { hostName?: string })[], actor: TActor) {
  const unique = [...new Map(identities.map((identity) => [identityKey(identity), identity])).values()];
  if (!unique.length) return { placements: new Map<number, THostPlacement>(), created: 0 };
  const existing = await findHostIds(tx, unique);
  const missing = unique.filter((identity) => !existing.has(identityKey(identity)));
  if (missing.length) {
    // skipDuplicates: an agent enrolling the same identity meanwhile is fine, its row is used
    await tx.host.createMany({ data: missing.map((identity) => ({ cloudId: identity.cloudId, innerIp: identity.ip, hostName: identity.hostName ?? "" })), skipDuplicates: true });
    const made = await findHostIds(tx, missing);
    await writeAuditEntries(
      tx,
      missing.map((identity) => ({
        actor,
        bizId,
        objectType: "host",
        objectId: made.get(identityKey(identity)) ?? 0,
        objectName: identityKey(identity),
        action: "create",
        after: { bk_cloud_id: identity.cloudId, bk_host_innerip: identity.ip, bk_host_name: identity.hostName ?? "" },
      })),
    );
    for (const [key, id] of made) existing.set(key, id);
  }
  return { placements: await readPlacements(tx, bizId, [...existing.values()]), created: missing.length };
}

async function findHostIds(tx: TTx, identities: readonly THostIdentity[]): Promise<Map<string, number>> {
  const rows = await tx.$queryRaw<{ bk_host_id: number; bk_cloud_id: number; bk_host_innerip: string }[]>`
    SELECT h.bk_host_id, h.bk_cloud_id, h.bk_host_innerip
    FROM unnest(${identities.map((identity) => identity.cloudId)}::int[], ${identities.map((identity) => identity.ip)}::text[]) AS wanted(cloud_id, ip)
    JOIN host h ON h.bk_cloud_id = wanted.cloud_id AND h.bk_host_innerip = wanted.ip`;
  return new Map(rows.map((row) => [identityKey({ cloudId: row.bk_cloud_id, ip: row.bk_host_innerip }), row.bk_host_id]));
}
