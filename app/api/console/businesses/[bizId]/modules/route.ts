// GET /api/console/businesses/{bizId}/modules  module names of the business (the list's module filter)
import { consoleRoute } from "@/lib/api/console-route";
import { listModuleNames } from "@/lib/topology/list-module-names";

export const GET = consoleRoute({ handle: ({ business }) => listModuleNames(business) });
