// POST /api/console/businesses/{bizId}/topology/sets/{setId}/modules  {name}: a new module in the set
import { z } from "zod";
import { consoleRoute } from "@/lib/api/console-route";
import { parsePathId } from "@/lib/core/parse-path";
import { createModule } from "@/lib/topology/create-module";

export const POST = consoleRoute({
  body: z.strictObject({ name: z.unknown() }),
  status: 201,
  handle: ({ business, params, body, actor }) => createModule(business.id, parsePathId(params.setId, "bk_set_id"), body.name, actor),
});
