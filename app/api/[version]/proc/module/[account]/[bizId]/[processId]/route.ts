// GET /api/v3/proc/module/{bk_supplier_account}/{bk_biz_id}/{bk_process_id}  get_process_bind_module
import { defineCmdbRoute } from "@/lib/api/cmdb-route";
import { parsePathId } from "@/lib/core/parse-path";
import { listProcessModules } from "@/lib/processes/list-process-modules";

export const { GET, POST, PUT, DELETE, PATCH } = defineCmdbRoute({
  GET: ({ business, params }) => listProcessModules(business, parsePathId(params.processId, "bk_process_id")),
});
