// POST /api/c/compapi/v2/gse/sync_proc_status/ — {meta:{namespace[, name]}, [hosts], page} → {count, proc_infos}
import { defineEsbRoute } from "@/lib/api/esb-route";
import { syncProcessStatus } from "@/lib/operations/read-process-status";

export const { GET, POST, PUT, DELETE, PATCH } = defineEsbRoute(({ body, caller }) => syncProcessStatus(body, caller.principal));
