// POST /api/console/businesses/{bizId}/hosts/import/preview  {csv} → per-line plan; changes nothing.
// Needs edit: the preview reveals which hosts sit in other businesses.
import { consoleRoute } from "@/lib/api/console-route";
import { HOST_IMPORT_MAX_BODY_BYTES, previewHostImport, ZHostImport } from "@/lib/topology/import-hosts";

export const POST = consoleRoute({ access: "edit", body: ZHostImport, maxBodyBytes: HOST_IMPORT_MAX_BODY_BYTES, handle: ({ business, body }) => previewHostImport(business.id, body) });
