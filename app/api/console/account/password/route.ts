// POST /api/console/account/password  {currentPassword, newPassword} → {revokedSessions}: clears
// mustChangePassword and ends every other session of the user (this one stays signed in)
import { changeOwnPassword } from "@/lib/access/account/change-own-password";
import { readClientOrigin } from "@/lib/access/client-origin";
import { ZChangeOwnPassword } from "@/lib/access/users/user-input";
import { consoleRoute } from "@/lib/api/console-route";

export const POST = consoleRoute({
  access: "signed-in",
  body: ZChangeOwnPassword,
  handle: ({ session, body, req }) => changeOwnPassword(session, body, readClientOrigin(req.headers)),
});
