// PUT    /api/console/businesses/{bizId}/processes/{processId}/modules/{moduleName}  bind
// DELETE …/modules/{moduleName}  unbind
import { actorOfUser } from "@/lib/access/assert-can";
import { consoleRoute, type TConsoleContext } from "@/lib/api/console-route";
import { parsePathId } from "@/lib/api/parse-path";
import { bindProcessModule, unbindProcessModule } from "@/lib/processes/set-process-module-binding";

function toChange({ business, params, user }: TConsoleContext) {
  return { business, processId: parsePathId(params.processId, "bk_process_id"), moduleName: params.moduleName ?? "", actor: actorOfUser(user) };
}

export const PUT = consoleRoute({
  handle: async (context) => {
    await bindProcessModule(toChange(context));
    return null;
  },
});

export const DELETE = consoleRoute({
  handle: async (context) => {
    await unbindProcessModule(toChange(context));
    return null;
  },
});
