// PATCH  /api/console/admin/businesses/{bizId}  {name}: rename
// DELETE /api/console/admin/businesses/{bizId}  refused while it has processes, hosts or sets besides the idle pool
// Global administrators only.
import { z } from "zod";
import { consoleRoute } from "@/lib/api/console-route";
import { deleteBusiness } from "@/lib/topology/delete-business";
import { renameBusiness } from "@/lib/topology/rename-business";

export const PATCH = consoleRoute({
  access: "global-admin",
  body: z.strictObject({ name: z.unknown() }),
  handle: ({ business, body, actor }) => renameBusiness(business.id, body.name, actor),
});

export const DELETE = consoleRoute({ access: "global-admin", handle: ({ business, actor }) => deleteBusiness(business.id, actor) });
