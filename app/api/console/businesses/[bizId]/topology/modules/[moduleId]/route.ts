// PATCH  /api/console/businesses/{bizId}/topology/modules/{moduleId}  {name}: rename
// DELETE /api/console/businesses/{bizId}/topology/modules/{moduleId}  refused while hosts or bindings use it
import { z } from "zod";
import { consoleRoute } from "@/lib/api/console-route";
import { parsePathId } from "@/lib/core/parse-path";
import { deleteModule } from "@/lib/topology/delete-module";
import { renameModule } from "@/lib/topology/rename-module";

export const PATCH = consoleRoute({
  body: z.strictObject({ name: z.unknown() }),
  handle: ({ business, params, body, actor }) => renameModule(business.id, parsePathId(params.moduleId, "bk_module_id"), body.name, actor),
});

export const DELETE = consoleRoute({ handle: ({ business, params, actor }) => deleteModule(business.id, parsePathId(params.moduleId, "bk_module_id"), actor) });
