// GET    /api/v3/proc/{bk_supplier_account}/{bk_biz_id}/{bk_process_id}  get_process_detail
// PUT    /api/v3/proc/{bk_supplier_account}/{bk_biz_id}/{bk_process_id}  update_process
// DELETE /api/v3/proc/{bk_supplier_account}/{bk_biz_id}/{bk_process_id}  delete_process
import { actorOf } from "@/lib/access/authenticate-app";
import { defineCmdbRoute } from "@/lib/api/cmdb-route";
import { parsePathId } from "@/lib/core/parse-path";
import { deleteProcess } from "@/lib/processes/delete-process";
import { getProcessDetail } from "@/lib/processes/get-process-detail";
import { updateProcess } from "@/lib/processes/update-process";

export const { GET, POST, PUT, DELETE, PATCH } = defineCmdbRoute({
  GET: ({ business, params, lang }) => getProcessDetail(business, parsePathId(params.processId, "bk_process_id"), lang),
  PUT: async ({ business, params, body, caller }) => {
    await updateProcess(business, parsePathId(params.processId, "bk_process_id"), body, actorOf(caller));
    return null;
  },
  DELETE: async ({ business, params, caller }) => {
    await deleteProcess(business, parsePathId(params.processId, "bk_process_id"), actorOf(caller));
    return null;
  },
});
