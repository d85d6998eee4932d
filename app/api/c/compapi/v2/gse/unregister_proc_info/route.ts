// POST|DELETE /api/c/compapi/v2/gse/unregister_proc_info/ — {meta, hosts}: forgets the registered spec per host
import { defineEsbRoute } from "@/lib/api/esb-route";
import { unregisterProcInfo } from "@/lib/operations/registered-processes";

export const { GET, POST, PUT, DELETE, PATCH } = defineEsbRoute(({ body, caller }) => unregisterProcInfo(body, caller), { alsoAccept: ["DELETE"] });
