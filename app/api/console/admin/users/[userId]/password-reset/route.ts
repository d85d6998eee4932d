// POST /api/console/admin/users/{userId}/password-reset → {generatedPassword, revokedSessions}: a new
// password shown this once; the user must change it at their next sign-in; all their sessions end.
import { resetUserPassword } from "@/lib/access/users/reset-user-password";
import { consoleRoute } from "@/lib/api/console-route";
import { parsePathId } from "@/lib/core/parse-path";

export const POST = consoleRoute({
  access: "global-admin",
  handle: ({ params, actor, user }) => resetUserPassword(parsePathId(params.userId, "userId"), { actor, actorUserId: user.id }),
});
