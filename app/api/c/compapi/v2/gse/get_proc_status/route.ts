// POST /api/c/compapi/v2/gse/get_proc_status/ — {meta, hosts} → {proc_infos:[{host, status, isauto, pid…}]}
import { defineEsbRoute } from "@/lib/api/esb-route";
import { readProcessStatus } from "@/lib/operations/read-process-status";

export const { GET, POST, PUT, DELETE, PATCH } = defineEsbRoute(({ body, caller }) => readProcessStatus(body, caller.principal));
