// GET  /api/console/admin/apps  every API app with its grants, last use, rotation and revocation (global admins only)
// POST /api/console/admin/apps  {code, description?} → {app, secret}: the secret is shown this once
import { ZCreateApp } from "@/lib/access/apps/app-input";
import { createApp } from "@/lib/access/apps/create-app";
import { listApps } from "@/lib/access/apps/list-apps";
import { consoleRoute } from "@/lib/api/console-route";

export const GET = consoleRoute({
  access: "global-admin",
  handle: () => listApps(),
});

export const POST = consoleRoute({
  access: "global-admin",
  body: ZCreateApp,
  status: 201,
  handle: ({ body, actor }) => createApp(body, actor),
});
