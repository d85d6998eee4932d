// GET /api/console/businesses/{bizId}/tasks/{taskId}  the task with progress and rows (taskId URL-encoded:
// GSETASK%3A20250101120000%3A7)
import { consoleRoute } from "@/lib/api/console-route";
import { parseTaskIdParam } from "@/lib/core/parse-path";
import { getTaskDetail } from "@/lib/operations/get-task-detail";

export const GET = consoleRoute({
  handle: ({ business, params }) => getTaskDetail(parseTaskIdParam(params.taskId), business.id),
});
