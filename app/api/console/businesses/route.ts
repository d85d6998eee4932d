// GET /api/console/businesses  the businesses the signed-in user may see (the header's switcher)
import { consoleRoute } from "@/lib/api/console-route";
import { listBusinesses } from "@/lib/topology/list-businesses";

export const GET = consoleRoute({ access: "signed-in", handle: ({ principal }) => listBusinesses(principal) });
