// CSV host import: preview changes nothing; apply re-plans inside one transaction (under the host
// placement lock, so the plan cannot go stale) and writes every line, or nothing when any line has
// an error. Running the same file again finds every line "unchanged" and writes nothing.
import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/core/errors";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb, type TTx } from "@/lib/core/db";
import { identityKey } from "@/lib/topology/host-identity";
import { ensureIdleModule } from "@/lib/topology/idle-pool";
import { readModules, writePlacements, type THostPlacement } from "@/lib/topology/host-placement";
import { lockHostPlacement } from "@/lib/topology/lock-host-placement";
import { findOrCreateHosts } from "@/lib/topology/place-hosts";
import { planHostImport, type TImportPlan, type TPlannedLine } from "@/lib/topology/plan-host-import";
import { text } from "@/lib/core/i18n";

/** 5,000 lines of long names and JSON escaping stay well under this */
export const HOST_IMPORT_MAX_BODY_BYTES = 2 * 1024 * 1024;

export const ZHostImport = z.strictObject({ csv: z.string().max(1_000_000) });
export type THostImport = z.infer<typeof ZHostImport>;

export type TImportResult = { created: number; moved: number; renamed: number; unchanged: number };

export async function previewHostImport(bizId: number, input: THostImport): Promise<TImportPlan> {
  return (await planHostImport(getDb(), bizId, input.csv)).plan;
}

export async function applyHostImport(bizId: number, input: THostImport, actor: TActor): Promise<TImportResult> {
  return getDb().$transaction(
    async (tx) => {
      await lockHostPlacement(tx);
      const { plan, planned } = await planHostImport(tx, bizId, input.csv);
      const failed = plan.lines.filter((line) => line.error);
      if (failed.length) {
        const first = failed[0];
        throw new ApiError(
          "FIELD_CHECK_FAILED",
          text(
            `${failed.length} of the lines have errors, so nothing was imported; first: line ${first.line}: ${first.error?.en}`,
            `有 ${failed.length} 行存在错误，未导入任何主机；第一处：第 ${first.line} 行：${first.error?.zh}`,
          ),
        );
      }
      const idleModuleId = planned.some((line) => line.targetModuleId === null) ? await ensureIdleModule(tx, bizId, actor) : null;
      const modules = await readModules(tx, bizId);
      const { placements, created } = await findOrCreateHosts(
        tx,
        bizId,
        planned.map((line) => ({ cloudId: line.parsedCloudId, ip: line.ip, hostName: line.hostName })),
        actor,
      );
      const byIdentity = new Map([...placements.values()].map((host) => [identityKey(host), host]));
      const renamed = await renameHosts(tx, bizId, actor, planned.filter((line) => line.hostNameFrom !== null), byIdentity);
      const changes = planned.map((line) => ({
        host: byIdentity.get(identityKey({ cloudId: line.parsedCloudId, ip: line.ip })) as THostPlacement,
        after: [line.targetModuleId ?? (idleModuleId as number)],
        action: "import",
      }));
      const moved = await writePlacements(tx, bizId, actor, changes, modules);
      return { created, moved, renamed, unchanged: plan.counts.unchanged };
    },
    // 5,000 lines are a few thousand rows: more than the default 5 s on a busy machine
    { timeout: 60_000, maxWait: 10_000 },
  );
}

async function renameHosts(tx: TTx, bizId: number, actor: TActor, lines: readonly TPlannedLine[], hosts: Map<string, THostPlacement>): Promise<number> {
  const renames = lines.map((line) => ({ host: hosts.get(identityKey({ cloudId: line.parsedCloudId, ip: line.ip })) as THostPlacement, from: line.hostNameFrom ?? "", to: line.hostName }));
  if (!renames.length) return 0;
  await tx.$executeRaw`
    UPDATE host h SET bk_host_name = renamed.name
    FROM unnest(${renames.map((rename) => rename.host.hostId)}::int[], ${renames.map((rename) => rename.to)}::text[]) AS renamed(host_id, name)
    WHERE h.bk_host_id = renamed.host_id`;
  await writeAuditEntries(
    tx,
    renames.map((rename) => ({
      actor,
      bizId,
      objectType: "host",
      objectId: rename.host.hostId,
      objectName: identityKey(rename.host),
      action: "update",
      before: { bk_host_name: rename.from },
      after: { bk_host_name: rename.to },
    })),
  );
  return renames.length;
}
