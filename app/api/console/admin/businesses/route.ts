// GET  /api/console/admin/businesses  every business with its counts of sets, modules, hosts, processes
// POST /api/console/admin/businesses  {name, supplierAccount?} → a new business with its idle pool
// Global administrators only.
import { z } from "zod";
import { consoleRoute } from "@/lib/api/console-route";
import { createBusiness } from "@/lib/topology/create-business";
import { listBusinessOverview } from "@/lib/topology/list-business-overview";

const ZCreateBusiness = z.strictObject({
  name: z.unknown(),
  supplierAccount: z.string().regex(/^[0-9A-Za-z_-]{1,32}$/, "1–32 letters, digits, _ or -").optional(),
});

export const GET = consoleRoute({ access: "global-admin", handle: () => listBusinessOverview() });

export const POST = consoleRoute({
  access: "global-admin",
  body: ZCreateBusiness,
  status: 201,
  handle: ({ body, actor }) => createBusiness(body, actor),
});
