// POST   /api/console/session  sign in {username, password}: sets the session and CSRF cookies →
//        {username, mustChangePassword}; after too many failures 429 TOO_MANY_ATTEMPTS (1199429) until
//        the lock ends (lib/access/login-throttle.ts)
// GET    /api/console/session  who is signed in, with their roles (bizId 0: every business)
// DELETE /api/console/session  sign out: the session row is deleted, the cookies cleared
import { z } from "zod";
import { readClientOrigin } from "@/lib/access/client-origin";
import { signIn } from "@/lib/access/sign-in";
import { signOut } from "@/lib/access/sign-out";
import { CSRF_COOKIE, SESSION_ABSOLUTE_MS, SESSION_COOKIE } from "@/lib/access/session-policy";
import { consoleRoute, publicConsoleRoute } from "@/lib/api/console-route";

const ZSignIn = z.strictObject({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) });

export const POST = publicConsoleRoute({
  body: ZSignIn,
  handle: async ({ body, req, setCookie }) => {
    const session = await signIn({ username: body.username, password: body.password, origin: readClientOrigin(req.headers) });
    const maxAgeSeconds = Math.floor(SESSION_ABSOLUTE_MS / 1000);
    setCookie({ name: SESSION_COOKIE, value: session.token, maxAgeSeconds, isHttpOnly: true });
    setCookie({ name: CSRF_COOKIE, value: session.csrfToken, maxAgeSeconds, isHttpOnly: false });
    return { username: session.username, mustChangePassword: session.mustChangePassword };
  },
});

export const GET = consoleRoute({
  access: "signed-in",
  handle: async ({ user, principal }) => ({
    username: user.username,
    displayName: user.displayName,
    isGlobalAdmin: user.isGlobalAdmin,
    mustChangePassword: user.mustChangePassword,
    roles: [...principal.roles].map(([bizId, role]) => ({ bizId, role })),
  }),
});

export const DELETE = consoleRoute({
  access: "signed-in",
  handle: async ({ req, setCookie }) => {
    await signOut(req.cookies.get(SESSION_COOKIE)?.value);
    setCookie({ name: SESSION_COOKIE, value: "", maxAgeSeconds: 0, isHttpOnly: true });
    setCookie({ name: CSRF_COOKIE, value: "", maxAgeSeconds: 0, isHttpOnly: false });
    return null;
  },
});
