import { describe, expect, it } from "vitest";
import { toAuditRow } from "@/lib/core/write-audit-entry";

describe("toAuditRow", () => {
  it("never stores a secret-looking field, whatever the caller passed", () => {
    const row = toAuditRow({
      actor: { type: "user", name: "root" },
      bizId: null,
      objectType: "user",
      objectId: 3,
      objectName: "bob",
      action: "reset_password",
      before: { passwordHash: "scrypt$old", mustChangePassword: false },
      after: { passwordHash: "scrypt$new", password: "plain", mustChangePassword: true, app: { bk_app_secret: "s" } },
    });
    expect(row.before).toEqual({ passwordHash: "[redacted]", mustChangePassword: false });
    expect(row.after).toEqual({ passwordHash: "[redacted]", password: "[redacted]", mustChangePassword: true, app: { bk_app_secret: "[redacted]" } });
    expect(JSON.stringify(row)).not.toMatch(/scrypt\$|plain"/);
  });

  it("keeps the rest of the entry as given", () => {
    const row = toAuditRow({ actor: { type: "app", name: "ops", appCode: "cmdb-sync" }, bizId: 2, objectType: "process", objectId: 9, action: "update", before: { port: "80" }, after: { port: "81" } });
    expect(row).toEqual({ bizId: 2, actorType: "app", actor: "ops", appCode: "cmdb-sync", objectType: "process", objectId: "9", objectName: "", action: "update", before: { port: "80" }, after: { port: "81" } });
  });
});
