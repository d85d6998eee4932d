// POST /api/console/businesses/{bizId}/tasks/{taskId}/retry  a new task with only the failed rows → {taskId}
import { consoleRoute } from "@/lib/api/console-route";
import { parseTaskIdParam } from "@/lib/core/parse-path";
import { retryFailedRows } from "@/lib/operations/retry-failed-rows";

export const POST = consoleRoute({
  access: "operate",
  status: 201,
  handle: ({ business, params, actor }) => retryFailedRows(business, parseTaskIdParam(params.taskId), actor),
});
