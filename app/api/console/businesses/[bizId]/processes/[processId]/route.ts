// GET    /api/console/businesses/{bizId}/processes/{processId}  the record with its revision
// PATCH  …/{processId}  {expectedRevision, changes}: refused with EDIT_CONFLICT when someone saved meanwhile
// DELETE …/{processId}  refused with PROCESS_BOUND while any module binding exists
import { z } from "zod";
import { consoleRoute } from "@/lib/api/console-route";
import { parsePathId } from "@/lib/core/parse-path";
import { deleteProcess } from "@/lib/processes/delete-process";
import { getProcessRecord } from "@/lib/processes/get-process-detail";
import { updateProcess } from "@/lib/processes/update-process";

const ZUpdateProcess = z.strictObject({ expectedRevision: z.number().int().min(1), changes: z.record(z.string(), z.unknown()) });

export const GET = consoleRoute({
  handle: ({ business, params }) => getProcessRecord(business, parsePathId(params.processId, "bk_process_id")),
});

export const PATCH = consoleRoute({
  body: ZUpdateProcess,
  handle: ({ business, params, body, actor }) =>
    updateProcess(business, parsePathId(params.processId, "bk_process_id"), body.changes, actor, { expectedRevision: body.expectedRevision }),
});

export const DELETE = consoleRoute({
  handle: async ({ business, params, actor }) => {
    await deleteProcess(business, parsePathId(params.processId, "bk_process_id"), actor);
    return null;
  },
});
