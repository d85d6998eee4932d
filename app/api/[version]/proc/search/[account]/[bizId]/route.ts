// POST /api/v3/proc/search/{bk_supplier_account}/{bk_biz_id}  search_process
import { defineCmdbRoute } from "@/lib/api/cmdb-route";
import { searchProcessesJson } from "@/lib/processes/search-processes";

export const { GET, POST, PUT, DELETE, PATCH } = defineCmdbRoute(
  {
    POST: ({ business, body }) => searchProcessesJson(business, body),
  },
  { access: { POST: "view" } },
);
