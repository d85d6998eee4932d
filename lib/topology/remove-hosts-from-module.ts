// Take hosts out of one module. A host whose last module that was goes to the business's idle
// module, as in BlueKing; taking a host out of the idle module when it is its only one would leave
// it nowhere, so that is refused (removing a host from the business is a separate action).
import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/core/errors";
import type { TActor } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";
import { ensureIdleModule, MODULE_FLAG } from "@/lib/topology/idle-pool";
import { readModules, readPlacements, writePlacements } from "@/lib/topology/host-placement";
import { lockHostPlacement } from "@/lib/topology/lock-host-placement";
import { moduleNotFound, refusedInUse } from "@/lib/topology/topology-errors";
import { text } from "@/lib/core/i18n";

export const ZRemoveHosts = z.strictObject({ hostIds: z.array(z.number().int().positive()).min(1).max(5_000) });
export type TRemoveHosts = z.infer<typeof ZRemoveHosts>;

export async function removeHostsFromModule(bizId: number, moduleId: number, input: TRemoveHosts, actor: TActor): Promise<{ moved: number }> {
  return getDb().$transaction(async (tx) => {
    await lockHostPlacement(tx);
    let modules = await readModules(tx, bizId);
    const source = modules.get(moduleId);
    if (!source) throw moduleNotFound(moduleId, bizId);
    const placements = await readPlacements(tx, bizId, input.hostIds);
    const outsiders = input.hostIds.filter((hostId) => !placements.get(hostId)?.moduleIds.includes(moduleId));
    if (outsiders.length) {
      throw new ApiError("NOT_FOUND", text(`hosts ${outsiders.join(", ")} are not in module '${source.label}'`, `主机 ${outsiders.join(", ")} 不在模块 '${source.label}' 中`));
    }
    const hosts = [...placements.values()];
    const stranded = hosts.filter((host) => host.moduleIds.length === 1);
    if (stranded.length && source.defaultFlag === MODULE_FLAG.idle) {
      const ips = stranded.map((host) => host.ip).join(", ");
      throw refusedInUse(
        text(
          `${ips} would be left in no module: the idle module is where a host waits. To take a host out of the business, use "Remove from business"`,
          `${ips} 将不属于任何模块：空闲机是主机的等待位置。如需将主机移出业务，请使用“从业务移除”`,
        ),
      );
    }
    const idleModuleId = stranded.length ? await ensureIdleModule(tx, bizId, actor) : null;
    if (idleModuleId !== null && !modules.has(idleModuleId)) modules = await readModules(tx, bizId);
    const changes = hosts.map((host) => {
      const rest = host.moduleIds.filter((id) => id !== moduleId);
      return { host, after: rest.length ? rest : [idleModuleId as number], action: "remove" };
    });
    return { moved: await writePlacements(tx, bizId, actor, changes, modules) };
  });
}
