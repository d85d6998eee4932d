// POST /api/v3/proc/search/{bk_supplier_account}/{bk_biz_id}  search_process
// (`npm start` answers the plain form of this path before Next: lib/api/cmdb-fast-path.ts)
import { defineCmdbRoute } from "@/lib/api/cmdb-route";
import { answerSearchProcess, SEARCH_PROCESS_OPTIONS } from "@/lib/api/cmdb-routes/search-process";

export const { GET, POST, PUT, DELETE, PATCH } = defineCmdbRoute({ POST: answerSearchProcess }, SEARCH_PROCESS_OPTIONS);
