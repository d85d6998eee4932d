// POST /api/console/businesses/{bizId}/topology/sets  {name}: a new (empty) set
import { z } from "zod";
import { consoleRoute } from "@/lib/api/console-route";
import { createSet } from "@/lib/topology/create-set";

export const POST = consoleRoute({
  body: z.strictObject({ name: z.unknown() }),
  status: 201,
  handle: ({ business, body, actor }) => createSet(business.id, body.name, actor),
});
