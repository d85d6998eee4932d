// GET   /api/console/admin/users/{userId}  the user, their grants and live sessions
// PATCH /api/console/admin/users/{userId}  {displayName?, isGlobalAdmin?, isDisabled?}; disabling ends
//       their sessions; nobody can remove their own global admin flag or disable themselves
import { getUserDetail } from "@/lib/access/users/get-user-detail";
import { updateUser } from "@/lib/access/users/update-user";
import { ZUpdateUser } from "@/lib/access/users/user-input";
import { consoleRoute } from "@/lib/api/console-route";
import { parsePathId } from "@/lib/core/parse-path";

export const GET = consoleRoute({
  access: "global-admin",
  handle: ({ params }) => getUserDetail(parsePathId(params.userId, "userId")),
});

export const PATCH = consoleRoute({
  access: "global-admin",
  body: ZUpdateUser,
  handle: ({ params, body, actor, user }) => updateUser(parsePathId(params.userId, "userId"), body, { actor, actorUserId: user.id }),
});
