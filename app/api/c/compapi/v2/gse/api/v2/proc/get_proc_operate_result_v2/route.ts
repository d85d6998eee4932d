// POST|GET /api/c/compapi/v2/gse/api/v2/proc/get_proc_operate_result_v2/ — GSE 2.0: {task_id} → {"<agent id>:<ns>:<name>": {error_code, error_msg, content}}
import { defineEsbRoute } from "@/lib/api/esb-route";
import { readGseTaskResult } from "@/lib/operations/read-task-results";

export const { GET, POST, PUT, DELETE, PATCH } = defineEsbRoute(({ body, caller }) => readGseTaskResult(body, caller, "agent"), { allowGet: true });
