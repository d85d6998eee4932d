// A new business comes with its idle pool (set + idle and fault modules), all in one transaction.
import "server-only";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";
import { isUniqueViolation } from "@/lib/core/db-errors";
import { createIdlePool, FAULT_MODULE_NAME, IDLE_MODULE_NAME, IDLE_POOL_SET_NAME } from "@/lib/topology/idle-pool";
import { nameTaken, readTopologyName } from "@/lib/topology/topology-name";
import { text } from "@/lib/core/i18n";

export type TCreateBusinessInput = { name: unknown; supplierAccount?: string };

export async function createBusiness(input: TCreateBusinessInput, actor: TActor): Promise<{ bizId: number; name: string }> {
  const name = readTopologyName(input.name, "bk_biz_name");
  const supplierAccount = input.supplierAccount ?? "0";
  try {
    return await getDb().$transaction(async (tx) => {
      const taken = await tx.business.findUnique({ where: { supplierAccount_name: { supplierAccount, name } }, select: { id: true } });
      if (taken) throw takenError(name, supplierAccount);
      const business = await tx.business.create({ data: { name, supplierAccount } });
      const pool = await createIdlePool(tx, business.id);
      await writeAuditEntries(tx, [
        {
          actor,
          bizId: business.id,
          objectType: "business",
          objectId: business.id,
          objectName: name,
          action: "create",
          after: { bk_biz_name: name, bk_supplier_account: supplierAccount, idle_pool: { bk_set_name: IDLE_POOL_SET_NAME, bk_set_id: pool.setId, modules: [IDLE_MODULE_NAME, FAULT_MODULE_NAME] } },
        },
      ]);
      return { bizId: business.id, name };
    });
  } catch (error) {
    // two admins creating the same name at once: the unique index decides
    if (isUniqueViolation(error)) throw takenError(name, supplierAccount);
    throw error;
  }
}

function takenError(name: string, supplierAccount: string) {
  return nameTaken("bk_biz_name", name, text(`by another business of supplier account '${supplierAccount}'`, `开发商 '${supplierAccount}' 下的其他业务`));
}
