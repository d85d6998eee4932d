// The audit trail's filters, shared by the list (GET /api/console/audit) and the CSV export. Empty
// parameters mean "any", so a form can send every field. Browser-safe (zod only).
import { z } from "zod";

export const AUDIT_PAGE_SIZE_DEFAULT = 50;
export const AUDIT_PAGE_SIZE_MAX = 200;
/** `bizId=none`: the entries that belong to no business (users, apps, businesses, agents) */
export const NO_BUSINESS = "none";

const optionalText = (max: number) => z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), z.string().trim().max(max).optional());
// PostgreSQL's timestamps span 4713 BC to 294276 AD; a JavaScript date reaches further, and a date the
// database refuses would break a CSV export after its first line went out. Years 1–9999 are plenty.
const FIRST_DATE = new Date("0001-01-01T00:00:00Z");
const LAST_DATE = new Date("9999-12-31T23:59:59.999Z");
const optionalDate = z.preprocess((value) => (value === "" ? undefined : value), z.coerce.date().min(FIRST_DATE, "must be in the years 1–9999").max(LAST_DATE, "must be in the years 1–9999").optional());

export const ZAuditFilter = z
  .object({
    /** a bk_biz_id, or "none" for administration entries */
    bizId: z.preprocess((value) => (value === "" ? undefined : value), z.union([z.literal(NO_BUSINESS), z.coerce.number().int().positive().max(2147483647)]).optional()),
    /** the acting user: the console user or the API's bk_username (exact) */
    user: optionalText(128),
    /** the API app's bk_app_code (exact) */
    app: optionalText(128),
    /** process, task, host, user, api_app, business… (exact) */
    objectType: optionalText(64),
    /** the object's id, or its name (exact, any case) */
    object: optionalText(256),
    /** create, update, delete, bind, operate… (exact) */
    action: optionalText(64),
    /** from this instant (inclusive) … */
    from: optionalDate,
    /** … until this one (exclusive) */
    to: optionalDate,
    /** paging: entries older than this id (the previous page's nextCursor) */
    cursor: z.preprocess((value) => (value === "" ? undefined : value), z.string().regex(/^[1-9]\d{0,18}$/, "must be an entry id").optional()),
    limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_SIZE_MAX).default(AUDIT_PAGE_SIZE_DEFAULT),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from < filter.to, { message: "must be later than from", path: ["to"] });

export type TAuditFilter = z.infer<typeof ZAuditFilter>;
