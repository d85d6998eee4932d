// GET  /api/console/businesses/{bizId}/processes?q=&module=&state=&sort=&page=&size=&cols=  one page of the list
// POST /api/console/businesses/{bizId}/processes  create from the form's attributes
import { z } from "zod";
import { consoleRoute } from "@/lib/api/console-route";
import { browseProcesses } from "@/lib/processes/browse-processes";
import { findProcessIdsInState } from "@/lib/operations/process-live-state";
import { createProcess } from "@/lib/processes/create-process";
import { ZProcessListQuery } from "@/lib/processes/process-list-query";

export const GET = consoleRoute({
  query: ZProcessListQuery,
  handle: async ({ business, query }) => browseProcesses(business, query, query.state ? await findProcessIdsInState(business.id, query.state) : undefined),
});

export const POST = consoleRoute({
  body: z.record(z.string(), z.unknown()),
  status: 201,
  handle: ({ business, body, actor }) => createProcess(business, body, actor),
});
