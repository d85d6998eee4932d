// search_process (POST /api/v3/proc/search/{bk_supplier_account}/{bk_biz_id}): the route file and the
// HTTP server's fast path (lib/api/cmdb-fast-path.ts) answer with this one definition.
import type { TCmdbContext, TCmdbRoute } from "@/lib/api/cmdb-route";
import { searchProcessesJson } from "@/lib/processes/search-processes";

export const answerSearchProcess = ({ business, body }: TCmdbContext) => searchProcessesJson(business, body);

/** a read, though sent as POST */
export const SEARCH_PROCESS_OPTIONS: TCmdbRoute["options"] = { access: { POST: "view" } };

export const SEARCH_PROCESS_ROUTE: TCmdbRoute = { handlers: { POST: answerSearchProcess }, options: SEARCH_PROCESS_OPTIONS };
