// The console API's query of the process list (lib/processes/process-list-view.ts is the view it
// mirrors; that file stays out of zod's way because the browser loads it).
import { z } from "zod";
import { DEFAULT_COLUMNS, DEFAULT_PAGE_SIZE, DEFAULT_SORT, LIST_COLUMNS, LIVE_STATES, MAX_PAGE, PAGE_SIZES, SORTABLE_COLUMNS } from "@/lib/processes/process-list-view";

/** The console API's strict form of the same view (the client always sends a normalised one). */
export const ZProcessListQuery = z.strictObject({
  q: z.string().max(256).default(""),
  module: z.string().max(256).default(""),
  state: z.enum(["", ...LIVE_STATES]).default(""),
  sort: z
    .string()
    .refine((value) => SORTABLE_COLUMNS.includes(value.replace(/^-/, "")), "unknown sort column")
    .default(DEFAULT_SORT),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  size: z.coerce
    .number()
    .int()
    .refine((value) => (PAGE_SIZES as readonly number[]).includes(value), `one of ${PAGE_SIZES.join(", ")}`)
    .default(DEFAULT_PAGE_SIZE),
  cols: z
    .string()
    .transform((value) => value.split(",").filter(Boolean))
    .refine((cols) => cols.every((col) => LIST_COLUMNS.includes(col)), "unknown column")
    .default(DEFAULT_COLUMNS),
});
export type TProcessListQuery = z.infer<typeof ZProcessListQuery>;
