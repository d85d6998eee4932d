// POST /api/console/admin/apps/{appId}/secret → {app, secret}: a new secret, shown this once; the old
// one stops working at once
import { rotateAppSecret } from "@/lib/access/apps/rotate-app-secret";
import { consoleRoute } from "@/lib/api/console-route";
import { parsePathId } from "@/lib/core/parse-path";

export const POST = consoleRoute({
  access: "global-admin",
  handle: ({ params, actor }) => rotateAppSecret(parsePathId(params.appId, "appId"), actor),
});
