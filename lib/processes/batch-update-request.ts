import { z } from "zod";

/** The console's batch update (and its preview): which processes, and the attributes to set on all of them. */
export const ZBatchUpdate = z.strictObject({
  ids: z.array(z.number().int().min(1)).min(1).max(1000),
  changes: z.record(z.string(), z.unknown()),
});
export type TBatchUpdate = z.infer<typeof ZBatchUpdate>;
