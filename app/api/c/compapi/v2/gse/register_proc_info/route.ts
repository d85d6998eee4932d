// POST /api/c/compapi/v2/gse/register_proc_info/ — {meta, hosts, spec} → {"<key>": {error_code (0, 850 already registered, 117), error_msg, content}}
import { defineEsbRoute } from "@/lib/api/esb-route";
import { registerProcInfo } from "@/lib/operations/registered-processes";

export const { GET, POST, PUT, DELETE, PATCH } = defineEsbRoute(({ body, caller }) => registerProcInfo(body, caller, "register"));
