// POST /api/c/compapi/v2/job/manage_proc/ — op_type 1 register as managed, 2 unregister → bk_gse_taskid
import { defineEsbRoute } from "@/lib/api/esb-route";
import { manageJobProcess } from "@/lib/operations/operate-job";

export const { GET, POST, PUT, DELETE, PATCH } = defineEsbRoute(({ body, caller }) => manageJobProcess(body, caller));
