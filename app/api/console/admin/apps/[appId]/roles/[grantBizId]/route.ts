// PUT    /api/console/admin/apps/{appId}/roles/{bizId}  {role}: grant or change the app's role in a
//        business (bizId 0: every business) → the app's grants
// DELETE /api/console/admin/apps/{appId}/roles/{bizId}  take it away → the grants left
import { revokeAppRole } from "@/lib/access/apps/revoke-app-role";
import { setAppRole } from "@/lib/access/apps/set-app-role";
import { parseGrantBizId } from "@/lib/access/grants/grant-scope";
import { ZGrantRole } from "@/lib/access/users/user-input";
import { consoleRoute } from "@/lib/api/console-route";
import { parsePathId } from "@/lib/core/parse-path";

export const PUT = consoleRoute({
  access: "global-admin",
  body: ZGrantRole,
  handle: ({ params, body, actor }) => setAppRole(parsePathId(params.appId, "appId"), parseGrantBizId(params.grantBizId), body.role, actor),
});

export const DELETE = consoleRoute({
  access: "global-admin",
  handle: ({ params, actor }) => revokeAppRole(parsePathId(params.appId, "appId"), parseGrantBizId(params.grantBizId), actor),
});
