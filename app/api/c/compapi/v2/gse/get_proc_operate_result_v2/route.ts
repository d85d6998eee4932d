// POST|GET /api/c/compapi/v2/gse/get_proc_operate_result_v2/ — {task_id} → {"<cloud>:<ip>:<ns>:<name>": {error_code, error_msg, content}}
import { defineEsbRoute } from "@/lib/api/esb-route";
import { readGseTaskResult } from "@/lib/operations/read-task-results";

export const { GET, POST, PUT, DELETE, PATCH } = defineEsbRoute(({ body, caller }) => readGseTaskResult(body, caller, "v2"), { allowGet: true });
