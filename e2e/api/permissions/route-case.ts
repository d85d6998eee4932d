// One row of the permission matrix: an API route + method, what it needs, and how to build a valid
// request for it. The matrix test (permission-matrix.test.ts) sends every case as every kind of
// caller and checks allow/deny and the surface's envelope; a coverage test fails when a route file
// under app/api has a method no case names. Each area keeps its cases in cases/<area>.ts.
export type THttpMethod = "GET" | "POST" | "PUT" | "DELETE" | "PATCH";

/**
 * What the caller needs:
 * - public: anyone (sign-in, healthz)
 * - signed-in: any console user, whatever their roles
 * - view / operate / edit: that role (or higher) in the case's business — for console users and,
 *   on the CMDB and ESB surfaces, for apps
 * - global-admin: a console user with the global administrator flag
 * - agent: an agent token (the agent protocol)
 */
export type TNeeds = "public" | "signed-in" | "view" | "operate" | "edit" | "global-admin" | "agent";

export type TSurface = "console" | "cmdb" | "esb" | "agent" | "public";

/** Made once before the matrix runs; callers get roles in `bizId`, never in `otherBizId`. */
export type TMatrixFixtures = {
  bizId: number;
  otherBizId: number;
  /** a process of bizId, bound to module "mx-mod" whose set has host `hostIp` (cloud 0) */
  processId: number;
  moduleName: string;
  hostId: number;
  hostIp: string;
  /** a finished console task of bizId (one row on hostIp) */
  taskId: string;
};

export type TBuiltRequest = { path: string; body?: unknown };

export type TRouteCase = {
  /** the route's folder under app/, as on disk: "/api/console/businesses/[bizId]/processes" */
  route: string;
  method: THttpMethod;
  surface: TSurface;
  needs: TNeeds;
  /** a request an allowed caller would succeed with (2xx); called afresh for every caller, so a
   *  destructive case can create its own target (sql helpers from ../support) */
  build: (fixtures: TMatrixFixtures) => Promise<TBuiltRequest> | TBuiltRequest;
  /** a short reason when an allowed call legitimately answers something other than 2xx */
  note?: string;
};
