// PATCH  /api/console/businesses/{bizId}/topology/sets/{setId}  {name}: rename
// DELETE /api/console/businesses/{bizId}/topology/sets/{setId}  with its empty modules; refused while in use
import { z } from "zod";
import { consoleRoute } from "@/lib/api/console-route";
import { parsePathId } from "@/lib/core/parse-path";
import { deleteSet } from "@/lib/topology/delete-set";
import { renameSet } from "@/lib/topology/rename-set";

export const PATCH = consoleRoute({
  body: z.strictObject({ name: z.unknown() }),
  handle: ({ business, params, body, actor }) => renameSet(business.id, parsePathId(params.setId, "bk_set_id"), body.name, actor),
});

export const DELETE = consoleRoute({ handle: ({ business, params, actor }) => deleteSet(business.id, parsePathId(params.setId, "bk_set_id"), actor) });
