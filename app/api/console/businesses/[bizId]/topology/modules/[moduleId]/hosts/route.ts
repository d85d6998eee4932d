// POST /api/console/businesses/{bizId}/topology/modules/{moduleId}/hosts
//   {hostIds?, hosts?: [{ip, cloudId?}], mode?: "add" | "move"} → {moved, unchanged, created}
import { consoleRoute } from "@/lib/api/console-route";
import { parsePathId } from "@/lib/core/parse-path";
import { placeHosts, ZPlaceHosts } from "@/lib/topology/place-hosts";

export const POST = consoleRoute({
  body: ZPlaceHosts,
  handle: ({ business, params, body, actor }) => placeHosts(business.id, parsePathId(params.moduleId, "bk_module_id"), body, actor),
});
