// PUT    /api/console/admin/users/{userId}/roles/{bizId}  {role}: grant or change the user's role in a
//        business (bizId 0: every business) → the user's grants
// DELETE /api/console/admin/users/{userId}/roles/{bizId}  take it away → the grants left
import { parseGrantBizId } from "@/lib/access/grants/grant-scope";
import { revokeUserRole } from "@/lib/access/users/revoke-user-role";
import { setUserRole } from "@/lib/access/users/set-user-role";
import { ZGrantRole } from "@/lib/access/users/user-input";
import { consoleRoute } from "@/lib/api/console-route";
import { parsePathId } from "@/lib/core/parse-path";

export const PUT = consoleRoute({
  access: "global-admin",
  body: ZGrantRole,
  handle: ({ params, body, actor }) => setUserRole(parsePathId(params.userId, "userId"), parseGrantBizId(params.grantBizId), body.role, actor),
});

export const DELETE = consoleRoute({
  access: "global-admin",
  handle: ({ params, actor }) => revokeUserRole(parsePathId(params.userId, "userId"), parseGrantBizId(params.grantBizId), actor),
});
