// GET  /api/console/businesses/{bizId}/processes?q=&module=&sort=&page=&size=&cols=  one page of the list
// POST /api/console/businesses/{bizId}/processes  create from the form's attributes
import { z } from "zod";
import { consoleRoute } from "@/lib/api/console-route";
import { browseProcesses } from "@/lib/processes/browse-processes";
import { createProcess } from "@/lib/processes/create-process";
import { ZProcessListQuery } from "@/lib/processes/process-list-query";

export const GET = consoleRoute({
  query: ZProcessListQuery,
  handle: ({ business, query }) => browseProcesses(business, query),
});

export const POST = consoleRoute({
  body: z.record(z.string(), z.unknown()),
  status: 201,
  handle: ({ business, body, actor }) => createProcess(business, body, actor),
});
