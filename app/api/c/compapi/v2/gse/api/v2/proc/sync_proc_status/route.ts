// POST /api/c/compapi/v2/gse/api/v2/proc/sync_proc_status/ — GSE 2.0: {meta:{namespace}, [agent_id_list], page} → {count, proc_infos}
import { defineEsbRoute } from "@/lib/api/esb-route";
import { syncProcessStatus } from "@/lib/operations/read-process-status";

export const { GET, POST, PUT, DELETE, PATCH } = defineEsbRoute(({ body, caller }) => syncProcessStatus(body, caller.principal));
