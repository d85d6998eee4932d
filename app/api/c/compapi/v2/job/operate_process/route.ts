// POST /api/c/compapi/v2/job/operate_process/ — {bk_biz_id, op_type, process_infos} → bk_gse_taskid
import { defineEsbRoute } from "@/lib/api/esb-route";
import { operateJobProcess } from "@/lib/operations/operate-job";

export const { GET, POST, PUT, DELETE, PATCH } = defineEsbRoute(({ body, caller }) => operateJobProcess(body, caller));
