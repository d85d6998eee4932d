// GET /api/console/businesses/{bizId}/process-states?ids=1,2,3  live state of each process across its
// hosts (the process list's state column, refetched every few seconds)
import { consoleRoute } from "@/lib/api/console-route";
import { listProcessLiveStates, ZLiveStatesQuery } from "@/lib/operations/process-live-state";

export const GET = consoleRoute({
  query: ZLiveStatesQuery,
  handle: ({ business, query }) => listProcessLiveStates(business.id, query.ids),
});
