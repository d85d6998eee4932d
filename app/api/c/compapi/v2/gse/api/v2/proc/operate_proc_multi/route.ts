// POST /api/c/compapi/v2/gse/api/v2/proc/operate_proc_multi/ — GSE 2.0: {proc_operate_req:[{meta, agent_id_list, op_type, spec},…]} → one task_id
import { defineEsbRoute } from "@/lib/api/esb-route";
import { operateGseMulti } from "@/lib/operations/operate-gse";

export const { GET, POST, PUT, DELETE, PATCH } = defineEsbRoute(({ body, caller }) => operateGseMulti(body, caller, "v2"));
