// DELETE /api/console/account/sessions  sign out everywhere else: every session of the user but this one → {revoked}
import { revokeOwnSessions } from "@/lib/access/account/revoke-own-sessions";
import { consoleRoute } from "@/lib/api/console-route";

export const DELETE = consoleRoute({
  access: "signed-in",
  handle: ({ session }) => revokeOwnSessions(session),
});
