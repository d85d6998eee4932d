// PUT    /api/console/businesses/{bizId}/processes/{processId}/modules/{moduleName}  bind
// DELETE …/modules/{moduleName}  unbind
import { consoleRoute, type TConsoleContext } from "@/lib/api/console-route";
import { parsePathId } from "@/lib/core/parse-path";
import { bindProcessModule, unbindProcessModule } from "@/lib/processes/set-process-module-binding";

function toChange({ business, params, actor }: TConsoleContext) {
  return { business, processId: parsePathId(params.processId, "bk_process_id"), moduleName: params.moduleName ?? "", actor: actor };
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
