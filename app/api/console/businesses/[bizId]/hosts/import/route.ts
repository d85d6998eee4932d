// POST /api/console/businesses/{bizId}/hosts/import  {csv} → every line applied in one transaction, or none
import { consoleRoute } from "@/lib/api/console-route";
import { applyHostImport, HOST_IMPORT_MAX_BODY_BYTES, ZHostImport } from "@/lib/topology/import-hosts";

export const POST = consoleRoute({ body: ZHostImport, maxBodyBytes: HOST_IMPORT_MAX_BODY_BYTES, handle: ({ business, body, actor }) => applyHostImport(business.id, body, actor) });
