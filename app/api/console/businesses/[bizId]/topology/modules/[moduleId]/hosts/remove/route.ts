// POST /api/console/businesses/{bizId}/topology/modules/{moduleId}/hosts/remove  {hostIds} → {moved}
// A host whose last module this was goes to the idle module.
import { consoleRoute } from "@/lib/api/console-route";
import { parsePathId } from "@/lib/core/parse-path";
import { removeHostsFromModule, ZRemoveHosts } from "@/lib/topology/remove-hosts-from-module";

export const POST = consoleRoute({
  body: ZRemoveHosts,
  handle: ({ business, params, body, actor }) => removeHostsFromModule(business.id, parsePathId(params.moduleId, "bk_module_id"), body, actor),
});
