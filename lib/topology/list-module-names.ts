import "server-only";
import { getDb } from "@/lib/core/db";
import type { TBusinessRef } from "@/lib/core/business-ref";

/** The ordinary module names of a business (idle/fault excluded), sorted: the console's module filter. */
export async function listModuleNames(business: TBusinessRef): Promise<string[]> {
  const rows = await getDb().module.findMany({
    where: { bizId: business.id, defaultFlag: 0 },
    distinct: ["name"],
    select: { name: true },
    orderBy: { name: "asc" },
  });
  return rows.map((row) => row.name);
}
