// The console's own routes (session, business list), liveness, and the catch-all 404 routes, which
// answer every caller alike in their surface's envelope.
import { createUser } from "../../support/principals";
import type { THttpMethod, TRouteCase } from "../route-case";

const METHODS: THttpMethod[] = ["GET", "POST", "PUT", "DELETE", "PATCH"];
const NO_SUCH_ROUTE = "no such route: a 404 in the surface's envelope for every caller";

export const CONSOLE_CORE_CASES: TRouteCase[] = [
  {
    route: "/api/console/session",
    method: "POST",
    surface: "console",
    needs: "public",
    // signing in as a throw-away user: the caller's own identity plays no part
    build: async () => {
      const user = await createUser({ prefix: "mx-signin" });
      return { path: "/api/console/session", body: { username: user.username, password: user.password } };
    },
  },
  { route: "/api/console/session", method: "GET", surface: "console", needs: "signed-in", build: () => ({ path: "/api/console/session" }) },
  // signing out ends the caller's session; the matrix signs that user in again
  { route: "/api/console/session", method: "DELETE", surface: "console", needs: "signed-in", build: () => ({ path: "/api/console/session" }) },
  { route: "/api/console/businesses", method: "GET", surface: "console", needs: "signed-in", build: () => ({ path: "/api/console/businesses" }) },
  // the header search: any signed-in user, answering only from the businesses they may see
  { route: "/api/console/search", method: "GET", surface: "console", needs: "signed-in", build: (fixtures) => ({ path: `/api/console/search?q=${encodeURIComponent(fixtures.hostIp)}` }) },
  { route: "/api/healthz", method: "GET", surface: "public", needs: "public", build: () => ({ path: "/api/healthz" }) },
  // readiness: anyone may ask (a load balancer has no credentials); 200 while the database answers
  { route: "/api/readyz", method: "GET", surface: "public", needs: "public", build: () => ({ path: "/api/readyz" }) },
  ...METHODS.map((method): TRouteCase => ({
    route: "/api/console/[...unknown]",
    method,
    surface: "console",
    needs: "public",
    note: NO_SUCH_ROUTE,
    build: () => ({ path: "/api/console/no-such-route/mx", ...(method === "GET" ? {} : { body: {} }) }),
  })),
  ...METHODS.map((method): TRouteCase => ({
    route: "/api/[...unknown]",
    method,
    surface: "cmdb",
    needs: "public",
    note: NO_SUCH_ROUTE,
    build: () => ({ path: "/api/no-such-route/mx", ...(method === "GET" ? {} : { body: {} }) }),
  })),
];
