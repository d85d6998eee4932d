// DELETE /api/console/businesses/{bizId}/hosts/{hostId}  take the host out of the business (every module);
// refused while task rows run on it or its agent runs managed processes
import { consoleRoute } from "@/lib/api/console-route";
import { parsePathId } from "@/lib/core/parse-path";
import { removeHostFromBusiness } from "@/lib/topology/remove-host-from-business";

export const DELETE = consoleRoute({ handle: ({ business, params, actor }) => removeHostFromBusiness(business.id, parsePathId(params.hostId, "bk_host_id"), actor) });
