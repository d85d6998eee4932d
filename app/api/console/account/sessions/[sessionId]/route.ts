// DELETE /api/console/account/sessions/{sessionId}  end one of the user's own sessions → {revoked: 0|1}
// (a session of someone else, or one already ended, revokes nothing)
import { revokeOwnSessions } from "@/lib/access/account/revoke-own-sessions";
import { parseSessionId } from "@/lib/access/sessions/parse-session-id";
import { consoleRoute } from "@/lib/api/console-route";

export const DELETE = consoleRoute({
  access: "signed-in",
  handle: ({ session, params }) => revokeOwnSessions(session, parseSessionId(params.sessionId)),
});
