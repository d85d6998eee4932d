// POST|PUT /api/c/compapi/v2/gse/update_proc_info/ — {meta, hosts, spec}: registers or replaces the spec per host
import { defineEsbRoute } from "@/lib/api/esb-route";
import { registerProcInfo } from "@/lib/operations/registered-processes";

export const { GET, POST, PUT, DELETE, PATCH } = defineEsbRoute(({ body, caller }) => registerProcInfo(body, caller, "update"), { alsoAccept: ["PUT"] });
