// GET /api/console/businesses/{bizId}/tasks/{taskId}?since=<cursor>  the task with progress and rows
// (taskId URL-encoded: GSETASK%3A20250101120000%3A7); with `since` (the cursor of the last reply) only
// the rows changed since, so polling a 5,000-row task sends what changed, not every row again
import { z } from "zod";
import { consoleRoute } from "@/lib/api/console-route";
import { parseTaskIdParam } from "@/lib/core/parse-path";
import { getTaskDetail } from "@/lib/operations/get-task-detail";

const ZTaskDetailQuery = z.object({ since: z.string().regex(/^\d{1,10}$/, "a cursor from the last reply").optional() });

export const GET = consoleRoute({
  query: ZTaskDetailQuery,
  handle: ({ business, params, query }) => getTaskDetail(parseTaskIdParam(params.taskId), business.id, { since: query.since === undefined ? undefined : BigInt(query.since) }),
});
