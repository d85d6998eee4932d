import { describe, expect, it } from "vitest";
import { actionLabel, AUDIT_ACTIONS, AUDIT_OBJECT_TYPES, describeAuditEntry, objectTypeLabel, showObjectName } from "@/lib/client/audit/audit-labels";
import { translate } from "@/lib/client/i18n/translate";
import type { TMessageKey } from "@/lib/client/i18n/messages";
import type { TVars } from "@/lib/client/i18n/translate";

const en = (key: TMessageKey, vars?: TVars) => translate("en", key, vars);
const zh = (key: TMessageKey, vars?: TVars) => translate("zh", key, vars);
const base = { actor: "admin", objectId: "7", before: null, after: null };

describe("audit labels", () => {
  it("names every type and action in both languages, unknown codes as they are", () => {
    for (const type of AUDIT_OBJECT_TYPES) expect(objectTypeLabel(zh, type)).not.toBe(type);
    for (const action of AUDIT_ACTIONS) expect(actionLabel(zh, action)).not.toBe(action);
    expect(objectTypeLabel(en, "process")).toBe("Process");
    expect(actionLabel(zh, "operate")).toBe("执行操作");
    expect(actionLabel(en, "frobnicate")).toBe("frobnicate");
  });
});

describe("audit object names", () => {
  it("show the idle pool's set and modules in the UI language, other names as stored", () => {
    expect(showObjectName("en", { objectType: "set", objectName: "空闲机池" })).toBe("Idle pool");
    expect(showObjectName("en", { objectType: "module", objectName: "空闲机池 / 空闲机" })).toBe("Idle pool / Idle hosts");
    expect(showObjectName("zh", { objectType: "module", objectName: "空闲机池 / 空闲机" })).toBe("空闲机池 / 空闲机");
    expect(showObjectName("en", { objectType: "module", objectName: "set-a / 空闲机" })).toBe("set-a / 空闲机");
    // a process may be named like the pool: only sets and modules are the pool's
    expect(showObjectName("en", { objectType: "process", objectName: "空闲机池" })).toBe("空闲机池");
    const created = { ...base, objectType: "module", objectName: "空闲机池 / 故障机", action: "create" };
    expect(describeAuditEntry(en, { ...created, objectName: showObjectName("en", created) })).toBe("admin created module Idle pool / Faulty hosts");
  });
});

describe("audit sentences", () => {
  const start = { ...base, objectType: "task", objectName: "nginx", action: "operate", after: { op_type: 0, rows: 3, source: "console" } };

  it("reads an operation as who did what on how many hosts", () => {
    expect(describeAuditEntry(en, start)).toBe("admin started nginx on 3 hosts");
    expect(describeAuditEntry(zh, start)).toBe("admin 在 3 台主机上启动了 nginx");
    expect(describeAuditEntry(en, { ...start, after: { op_type: 7, rows: 1 } })).toBe("admin restarted nginx on 1 host");
    expect(describeAuditEntry(en, { ...start, objectName: "nginx, redis", after: { op_type: 1, rows: 4 } })).toBe("admin stopped nginx, redis (4 process instances)");
    expect(describeAuditEntry(en, { ...start, after: { op_type: 0, rows: 2, retry_of: "GSETASK:1" } })).toBe("admin started nginx on 2 hosts, retrying GSETASK:1");
  });

  it("reads changes with the object's kind and name", () => {
    expect(describeAuditEntry(en, { ...base, objectType: "process", objectName: "nginx", action: "update" })).toBe("admin updated process nginx");
    expect(describeAuditEntry(zh, { ...base, objectType: "process", objectName: "nginx", action: "delete" })).toBe("admin 删除了进程 nginx");
    expect(describeAuditEntry(en, { ...base, objectType: "process", objectName: "nginx", action: "bind", after: { bk_module_name: "gateway" } })).toBe("admin bound nginx to module gateway");
    expect(describeAuditEntry(en, { ...base, objectType: "session", objectName: "admin", action: "sign_in" })).toBe("admin signed in");
    expect(describeAuditEntry(en, { ...base, objectType: "widget", objectName: "", action: "poke" })).toBe("admin poke widget #7");
  });
});
