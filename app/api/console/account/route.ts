// GET /api/console/account  the signed-in user's own account: name, grants, password state and live sessions
import { getAccount } from "@/lib/access/account/get-account";
import { consoleRoute } from "@/lib/api/console-route";

export const GET = consoleRoute({
  access: "signed-in",
  handle: ({ session }) => getAccount(session),
});
