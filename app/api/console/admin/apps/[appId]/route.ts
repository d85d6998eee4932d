// GET    /api/console/admin/apps/{appId}  the app and its grants
// PATCH  /api/console/admin/apps/{appId}  {description}
// DELETE /api/console/admin/apps/{appId}  revoke: every later call with its credentials gets the 401 envelope
import { ZUpdateApp } from "@/lib/access/apps/app-input";
import { getAppDetail } from "@/lib/access/apps/get-app-detail";
import { revokeApp } from "@/lib/access/apps/revoke-app";
import { updateApp } from "@/lib/access/apps/update-app";
import { consoleRoute } from "@/lib/api/console-route";
import { parsePathId } from "@/lib/core/parse-path";

export const GET = consoleRoute({
  access: "global-admin",
  handle: ({ params }) => getAppDetail(parsePathId(params.appId, "appId")),
});

export const PATCH = consoleRoute({
  access: "global-admin",
  body: ZUpdateApp,
  handle: ({ params, body, actor }) => updateApp(parsePathId(params.appId, "appId"), body, actor),
});

export const DELETE = consoleRoute({
  access: "global-admin",
  handle: ({ params, actor }) => revokeApp(parsePathId(params.appId, "appId"), actor),
});
