// The audit trail (/api/console/audit): any signed-in user may ask, and sees only the entries of the
// businesses they can view; naming a business they cannot view is refused with 403. The cases name
// the matrix business, so the matrix checks exactly that rule (viewer and up, or a global admin).
import type { TRouteCase } from "../route-case";

export const AUDIT_CASES: TRouteCase[] = [
  { route: "/api/console/audit", method: "GET", surface: "console", needs: "view", build: ({ bizId }) => ({ path: `/api/console/audit?bizId=${bizId}&limit=5` }) },
  // a success here is a CSV download (text/csv), not the JSON envelope; refusals are the envelope
  { route: "/api/console/audit/export", method: "GET", surface: "console", needs: "view", build: ({ bizId }) => ({ path: `/api/console/audit/export?bizId=${bizId}&action=create` }) },
];
