// POST /api/v3/proc/{bk_supplier_account}/{bk_biz_id}  create_process
// PUT  /api/v3/proc/{bk_supplier_account}/{bk_biz_id}  batch_update_process
import { actorOf } from "@/lib/access/authenticate-app";
import { defineCmdbRoute } from "@/lib/api/cmdb-route";
import { batchUpdateProcesses } from "@/lib/processes/batch-update-processes";
import { createProcess } from "@/lib/processes/create-process";

export const { GET, POST, PUT, DELETE, PATCH } = defineCmdbRoute({
  POST: ({ business, body, caller }) => createProcess(business, body, actorOf(caller)),
  PUT: async ({ business, body, caller }) => {
    await batchUpdateProcesses(business, body, actorOf(caller));
    return null;
  },
});
