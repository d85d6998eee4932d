// What the audit page shows: its filters, kept in the URL (short names, empty ones left out) so any
// view is a link to share. Times are the browser's local time as a datetime-local input gives them
// ("2026-01-05T09:30"); the API gets instants. Browser-safe.
import { NO_BUSINESS } from "@/lib/audit/audit-filter";

export type TAuditView = {
  /** a business id, "none" (administration entries) or null (every business one may see) */
  biz: number | typeof NO_BUSINESS | null;
  /** who: the console user or the API operator (exact) */
  user: string;
  /** the API app (exact) */
  app: string;
  /** object type: process, task, host… (exact) */
  type: string;
  /** the object's id or name (exact) */
  object: string;
  action: string;
  /** local "YYYY-MM-DDTHH:mm", "" = open */
  from: string;
  /** local "YYYY-MM-DDTHH:mm", inclusive to the minute, "" = open */
  to: string;
};

export const EMPTY_AUDIT_VIEW: TAuditView = { biz: null, user: "", app: "", type: "", object: "", action: "", from: "", to: "" };

const TEXT_FILTERS = ["user", "app", "type", "object", "action"] as const;
const TEXT_MAX = { user: 128, app: 128, type: 64, object: 256, action: 64 } as const;
const LOCAL_MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const MINUTE_MS = 60_000;

/** Forgiving: a bad value in a hand-edited link falls back to "any". */
export function readAuditView(params: URLSearchParams): TAuditView {
  const biz = params.get("biz");
  const bizId = Number(biz);
  const view: TAuditView = {
    ...EMPTY_AUDIT_VIEW,
    biz: biz === NO_BUSINESS ? NO_BUSINESS : Number.isInteger(bizId) && bizId > 0 && bizId <= 2147483647 ? bizId : null,
    from: readLocalMinute(params.get("from")),
    to: readLocalMinute(params.get("to")),
  };
  for (const name of TEXT_FILTERS) view[name] = (params.get(name) ?? "").trim().slice(0, TEXT_MAX[name]);
  return view;
}

export function writeAuditView(view: TAuditView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.biz !== null) params.set("biz", String(view.biz));
  for (const name of TEXT_FILTERS) if (view[name]) params.set(name, view[name]);
  if (view.from) params.set("from", view.from);
  if (view.to) params.set("to", view.to);
  return params;
}

export function hasAuditFilters(view: TAuditView): boolean {
  return writeAuditView(view).size > 0;
}

/**
 * The console API's query (lib/audit/audit-filter.ts): only the filters that are set. `to` is
 * inclusive to the minute on the page ("until 09:30" keeps 09:30:59), exclusive in the API.
 */
export function toAuditQuery(view: TAuditView, page: { cursor?: string | null; limit?: number } = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (view.biz !== null) params.set("bizId", String(view.biz));
  if (view.user) params.set("user", view.user);
  if (view.app) params.set("app", view.app);
  if (view.type) params.set("objectType", view.type);
  if (view.object) params.set("object", view.object);
  if (view.action) params.set("action", view.action);
  if (view.from) params.set("from", new Date(view.from).toISOString());
  if (view.to) params.set("to", new Date(new Date(view.to).getTime() + MINUTE_MS).toISOString());
  if (page.cursor) params.set("cursor", page.cursor);
  if (page.limit) params.set("limit", String(page.limit));
  return params;
}

/** The CSV download of exactly this view. */
export function auditExportHref(view: TAuditView): string {
  const query = toAuditQuery(view).toString();
  return `/api/console/audit/export${query ? `?${query}` : ""}`;
}

/** The audit page filtered to one view, e.g. auditHref({ biz: 2, type: "process", object: "17" }). */
export function auditHref(filters: Partial<TAuditView> = {}): string {
  const query = writeAuditView({ ...EMPTY_AUDIT_VIEW, ...filters }).toString();
  return `/audit${query ? `?${query}` : ""}`;
}

/** A date-time as a datetime-local input holds it, in the browser's time zone. */
export function toLocalMinute(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function readLocalMinute(value: string | null): string {
  return value && LOCAL_MINUTE.test(value) && !Number.isNaN(new Date(value).getTime()) ? value : "";
}
