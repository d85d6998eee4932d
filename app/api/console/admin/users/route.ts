// GET  /api/console/admin/users?q&status  users with their grants and last sign-in (global admins only)
// POST /api/console/admin/users  {username, displayName?, password?, isGlobalAdmin?} → {user, generatedPassword?}
//      without a password one is generated and returned this once; the user must change it at first sign-in
import { ZCreateUser, ZUserListQuery } from "@/lib/access/users/user-input";
import { createUser } from "@/lib/access/users/create-user";
import { listUsers } from "@/lib/access/users/list-users";
import { consoleRoute } from "@/lib/api/console-route";

export const GET = consoleRoute({
  access: "global-admin",
  query: ZUserListQuery,
  handle: ({ query }) => listUsers(query),
});

export const POST = consoleRoute({
  access: "global-admin",
  body: ZCreateUser,
  status: 201,
  handle: ({ body, actor }) => createUser(body, actor),
});
