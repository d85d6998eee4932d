// An operation from the console: a catalogue process on hosts chosen among those it runs on.
import { z } from "zod";
import { ApiError } from "@/lib/core/errors";
import type { TActor } from "@/lib/core/write-audit-entry";
import { VALID_OP_TYPES } from "@/lib/protocol/op-types";
import { assertOperable, catalogueNamespace, specFromCatalogue } from "@/lib/operations/catalogue-spec";
import { createTask } from "@/lib/operations/create-task";
import { listOperationHosts } from "@/lib/operations/list-operation-hosts";
import { getProcessRecord } from "@/lib/processes/get-process-detail";
import type { TBusinessRef } from "@/lib/core/business-ref";
import { text } from "@/lib/core/i18n";

export const ZOperateCatalogueProcess = z.object({
  opType: z.number().int().refine((op) => VALID_OP_TYPES.includes(op), "must be one of 0, 1, 2, 3, 4, 7, 8, 9"),
  hostIds: z.array(z.number().int().positive()).min(1, "choose at least one host").max(5000),
});
export type TOperateCatalogueProcess = z.infer<typeof ZOperateCatalogueProcess>;

export async function operateCatalogueProcess(business: TBusinessRef, processId: number, input: TOperateCatalogueProcess, actor: TActor, retryOf?: string) {
  const { record } = await getProcessRecord(business, processId);
  assertOperable(record, input.opType);

  const hosts = new Map((await listOperationHosts(business.id, processId)).map((host) => [host.hostId, host]));
  const foreign = input.hostIds.filter((id) => !hosts.has(id));
  if (foreign.length) {
    throw new ApiError("FIELD_CHECK_FAILED", text(`hosts ${foreign.join(", ")} are not in the modules '${record.bk_process_name}' is bound to`, `主机 ${foreign.join(", ")} 不在进程 '${record.bk_process_name}' 绑定的模块中`));
  }
  const spec = specFromCatalogue(record);
  const targets = [...new Set(input.hostIds)].map((id) => {
    const host = hosts.get(id)!;
    return { cloudId: host.cloudId, ip: host.ip, namespace: catalogueNamespace(business.id), name: record.bk_process_name, spec };
  });
  const taskId = await createTask({ source: "console", opType: input.opType, bizId: business.id, actor, targets, processId, retryOf });
  return { taskId };
}
