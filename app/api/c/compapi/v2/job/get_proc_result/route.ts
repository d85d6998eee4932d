// POST /api/c/compapi/v2/job/get_proc_result/ — {bk_biz_id, bk_gse_taskid} → {status, result:{"<setup_path>/<proc_name>:<cloud>:<ip>": …}}
import { defineEsbRoute } from "@/lib/api/esb-route";
import { readJobTaskResult } from "@/lib/operations/read-task-results";

export const { GET, POST, PUT, DELETE, PATCH } = defineEsbRoute(({ body, caller }) => readJobTaskResult(body, caller), { allowGet: true });
