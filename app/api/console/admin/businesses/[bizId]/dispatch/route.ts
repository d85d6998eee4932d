// GET /api/console/admin/businesses/{bizId}/dispatch  who carries out the business's operations (never the secret)
// PUT /api/console/admin/businesses/{bizId}/dispatch  {backend: "procdeck"} | {backend: "gse", gatewayUrl, appCode, appSecret?, username}
// Global administrators only.
import { consoleRoute } from "@/lib/api/console-route";
import { getDispatchBackend, setDispatchBackend, ZSetDispatchBackend } from "@/lib/operations/dispatch/gse-backend-config";

export const GET = consoleRoute({ access: "global-admin", handle: ({ business }) => getDispatchBackend(business) });

export const PUT = consoleRoute({
  access: "global-admin",
  body: ZSetDispatchBackend,
  handle: ({ business, body, actor }) => setDispatchBackend(business, body, actor),
});
