// PUT    /api/v3/proc/module/{bk_supplier_account}/{bk_biz_id}/{bk_process_id}/{bk_module_name}  bind_process_module
// DELETE /api/v3/proc/module/{bk_supplier_account}/{bk_biz_id}/{bk_process_id}/{bk_module_name}  delete_process_module_binding
import { actorOf } from "@/lib/access/authenticate-app";
import { defineCmdbRoute, type TCmdbContext } from "@/lib/api/cmdb-route";
import { parsePathId } from "@/lib/core/parse-path";
import { bindProcessModule, unbindProcessModule } from "@/lib/processes/set-process-module-binding";

function toChange({ business, params, caller }: TCmdbContext) {
  return { business, processId: parsePathId(params.processId, "bk_process_id"), moduleName: params.moduleName ?? "", actor: actorOf(caller) };
}

export const { GET, POST, PUT, DELETE, PATCH } = defineCmdbRoute({
  PUT: async (context) => {
    await bindProcessModule(toChange(context));
    return null;
  },
  DELETE: async (context) => {
    await unbindProcessModule(toChange(context));
    return null;
  },
});
