import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditExportHref, auditHref, EMPTY_AUDIT_VIEW, hasAuditFilters, readAuditView, toAuditQuery, toLocalMinute, writeAuditView } from "@/lib/client/audit/audit-view";

const originalTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = "Asia/Shanghai";
});
afterAll(() => {
  process.env.TZ = originalTz;
});

describe("audit view in the URL", () => {
  it("round-trips every filter and leaves empty ones out", () => {
    const view = { biz: 2, user: "alice", app: "cmdb-sync", type: "process", object: "17", action: "update", from: "2026-01-05T09:00", to: "2026-01-05T18:30" };
    const params = writeAuditView(view);
    expect(params.toString()).toBe("biz=2&user=alice&app=cmdb-sync&type=process&object=17&action=update&from=2026-01-05T09%3A00&to=2026-01-05T18%3A30");
    expect(readAuditView(params)).toEqual(view);
    expect(writeAuditView(EMPTY_AUDIT_VIEW).toString()).toBe("");
    expect(hasAuditFilters(EMPTY_AUDIT_VIEW)).toBe(false);
    expect(hasAuditFilters({ ...EMPTY_AUDIT_VIEW, action: "delete" })).toBe(true);
  });

  it("keeps the administration scope", () => {
    expect(readAuditView(new URLSearchParams("biz=none")).biz).toBe("none");
  });

  it("forgives bad values in a hand-edited link", () => {
    expect(readAuditView(new URLSearchParams("biz=-3&from=yesterday&to=2026-13-45T99:99&user=%20bob%20"))).toEqual({ ...EMPTY_AUDIT_VIEW, user: "bob" });
    expect(readAuditView(new URLSearchParams(`object=${"x".repeat(300)}`)).object).toHaveLength(256);
  });
});

describe("toAuditQuery", () => {
  it("maps the page's names to the API's and local minutes to instants, `to` inclusive to the minute", () => {
    const query = toAuditQuery({ biz: 2, user: "", app: "", type: "process", object: "17", action: "", from: "2026-01-05T09:00", to: "2026-01-05T18:30" }, { cursor: "99", limit: 50 });
    expect(Object.fromEntries(query)).toEqual({
      bizId: "2",
      objectType: "process",
      object: "17",
      from: "2026-01-05T01:00:00.000Z",
      to: "2026-01-05T10:31:00.000Z",
      cursor: "99",
      limit: "50",
    });
  });

  it("builds the export link from the same filters, without paging", () => {
    expect(auditExportHref({ ...EMPTY_AUDIT_VIEW, biz: "none", user: "bob" })).toBe("/api/console/audit/export?bizId=none&user=bob");
    expect(auditExportHref(EMPTY_AUDIT_VIEW)).toBe("/api/console/audit/export");
  });
});

describe("helpers", () => {
  it("links to the page filtered to one object", () => {
    expect(auditHref({ biz: 2, type: "process", object: "17" })).toBe("/audit?biz=2&type=process&object=17");
    expect(auditHref()).toBe("/audit");
  });

  it("formats a date as a datetime-local value in local time", () => {
    expect(toLocalMinute(new Date("2026-01-05T01:07:45Z"))).toBe("2026-01-05T09:07");
  });
});
