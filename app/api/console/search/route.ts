// GET /api/console/search?q=  the header's search: processes (name or function name, any case) and
// hosts (IP prefix) in every business the signed-in user may see, grouped by business, bounded
import { consoleRoute } from "@/lib/api/console-route";
import { findAcrossBusinesses, ZFindQuery } from "@/lib/processes/find-across-businesses";

export const GET = consoleRoute({ access: "signed-in", query: ZFindQuery, handle: ({ principal, query }) => findAcrossBusinesses(principal, query) });
