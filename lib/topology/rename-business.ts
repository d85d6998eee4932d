import "server-only";
import { ApiError } from "@/lib/core/errors";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";
import { isUniqueViolation } from "@/lib/core/db-errors";
import { announceBusinessChanged, forgetBusiness } from "@/lib/topology/find-business";
import { nameTaken, readTopologyName } from "@/lib/topology/topology-name";
import { text } from "@/lib/core/i18n";

export async function renameBusiness(bizId: number, rawName: unknown, actor: TActor): Promise<{ bizId: number; name: string }> {
  const name = readTopologyName(rawName, "bk_biz_name");
  try {
    await getDb().$transaction(async (tx) => {
      const business = await tx.business.findUnique({ where: { id: bizId }, select: { name: true, supplierAccount: true } });
      if (!business) throw new ApiError("NOT_FOUND", text(`business ${bizId} does not exist`, `业务 ${bizId} 不存在`));
      if (business.name === name) return;
      const taken = await tx.business.findUnique({ where: { supplierAccount_name: { supplierAccount: business.supplierAccount, name } }, select: { id: true } });
      if (taken) throw takenError(name);
      await tx.business.update({ where: { id: bizId }, data: { name } });
      await announceBusinessChanged(tx, bizId);
      await writeAuditEntries(tx, [{ actor, bizId, objectType: "business", objectId: bizId, objectName: name, action: "rename", before: { bk_biz_name: business.name }, after: { bk_biz_name: name } }]);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw takenError(name);
    throw error;
  }
  forgetBusiness(bizId);
  return { bizId, name };
}

function takenError(name: string) {
  return nameTaken("bk_biz_name", name, text("by another business", "其他业务"));
}
