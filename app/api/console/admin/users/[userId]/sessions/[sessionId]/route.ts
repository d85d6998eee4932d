// DELETE /api/console/admin/users/{userId}/sessions/{sessionId}  end one session of the user → {revoked: 0|1}
import { parseSessionId } from "@/lib/access/sessions/parse-session-id";
import { revokeUserSessions } from "@/lib/access/users/revoke-user-sessions";
import { consoleRoute } from "@/lib/api/console-route";
import { parsePathId } from "@/lib/core/parse-path";

export const DELETE = consoleRoute({
  access: "global-admin",
  handle: ({ params, actor }) => revokeUserSessions(parsePathId(params.userId, "userId"), parseSessionId(params.sessionId), actor),
});
