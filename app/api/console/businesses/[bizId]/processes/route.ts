// GET  /api/console/businesses/{bizId}/processes?q= (name or function name, any case)&module=&state=&sort=&page=&size=&cols=  one page of the list
// POST /api/console/businesses/{bizId}/processes  create from the form's attributes
import { z } from "zod";
import { consoleRoute } from "@/lib/api/console-route";
import { listProcessPage } from "@/lib/operations/list-process-page";
import { createProcess } from "@/lib/processes/create-process";
import { ZProcessListQuery } from "@/lib/processes/process-list-query";

export const GET = consoleRoute({
  query: ZProcessListQuery,
  handle: ({ business, query, lang }) => listProcessPage(business, query, lang),
});

export const POST = consoleRoute({
  body: z.record(z.string(), z.unknown()),
  status: 201,
  handle: ({ business, body, actor }) => createProcess(business, body, actor),
});
