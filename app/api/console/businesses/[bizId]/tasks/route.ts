// GET /api/console/businesses/{bizId}/tasks?processId=&ip=&opType=&state=&user=&page=&pageSize=  task
// history, newest first
import { consoleRoute } from "@/lib/api/console-route";
import { listTasks, ZTaskFilter } from "@/lib/operations/list-tasks";

export const GET = consoleRoute({
  query: ZTaskFilter,
  handle: ({ business, query }) => listTasks(business.id, query),
});
