// GET    /api/console/admin/users/{userId}/sessions  the user's live sessions (client IP, browser, times)
// DELETE /api/console/admin/users/{userId}/sessions  end all of them → {revoked}
import { listSessionsOfUser } from "@/lib/access/users/list-sessions-of-user";
import { revokeUserSessions } from "@/lib/access/users/revoke-user-sessions";
import { consoleRoute } from "@/lib/api/console-route";
import { parsePathId } from "@/lib/core/parse-path";

export const GET = consoleRoute({
  access: "global-admin",
  handle: ({ params, session }) => listSessionsOfUser(parsePathId(params.userId, "userId"), session.tokenHash),
});

export const DELETE = consoleRoute({
  access: "global-admin",
  handle: ({ params, actor }) => revokeUserSessions(parsePathId(params.userId, "userId"), undefined, actor),
});
