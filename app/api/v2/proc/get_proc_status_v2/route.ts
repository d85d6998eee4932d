// POST /api/v2/proc/get_proc_status_v2/ — GSE 2.0: {meta, agent_id_list} → {proc_infos:[{bk_agent_id, host, meta, status, isauto, pid…}]}
import { defineEsbRoute } from "@/lib/api/esb-route";
import { readProcessStatus } from "@/lib/operations/read-process-status";

export const { GET, POST, PUT, DELETE, PATCH } = defineEsbRoute(({ body, caller }) => readProcessStatus(body, caller.principal));
