// POST /api/c/compapi/v2/gse/operate_proc_multi/ — {proc_operate_req:[{meta,hosts,op_type,spec},…]} → one task_id
import { defineEsbRoute } from "@/lib/api/esb-route";
import { operateGseMulti } from "@/lib/operations/operate-gse";

export const { GET, POST, PUT, DELETE, PATCH } = defineEsbRoute(({ body, caller }) => operateGseMulti(body, caller));
