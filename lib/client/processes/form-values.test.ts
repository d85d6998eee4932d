import { describe, expect, it } from "vitest";
import { ATTRIBUTES_BY_ID } from "@/lib/processes/attribute-metadata";
import { validateProcessInput } from "@/lib/processes/validate-process-input";
import { isFormDirty, toAttributeValue, toBatchChanges, toCreateInput, toFieldMessages, toFormValues, toUpdateChanges } from "@/lib/client/processes/form-values";

const attribute = (id: string) => ATTRIBUTES_BY_ID.get(id)!;

describe("process form values", () => {
  it("turns a record into control texts and back without changes", () => {
    const values = toFormValues({ bk_process_name: "nginx", proc_num: 2, auto_start: false, bind_ip: null, port: "80" });
    expect(values).toMatchObject({ bk_process_name: "nginx", proc_num: "2", auto_start: "false", bind_ip: "", port: "80", description: "" });
    expect(toUpdateChanges(values, values)).toEqual({});
    expect(isFormDirty(values, values)).toBe(false);
  });

  it("parses ints, booleans and enums; keeps a non-number as typed so validation names it", () => {
    expect(toAttributeValue(attribute("proc_num"), " 12 ")).toBe(12);
    expect(toAttributeValue(attribute("proc_num"), "")).toBeNull();
    expect(toAttributeValue(attribute("proc_num"), "1.5")).toBe("1.5");
    expect(toAttributeValue(attribute("auto_start"), "true")).toBe(true);
    expect(toAttributeValue(attribute("auto_start"), "")).toBeNull();
    expect(toAttributeValue(attribute("protocol"), "")).toBeNull();
    const result = validateProcessInput({ proc_num: toAttributeValue(attribute("proc_num"), "abc") }, "update");
    expect(result.isValid).toBe(false);
  });

  it("create sends what was filled in plus the required fields", () => {
    const values = { ...toFormValues(), bk_process_name: "", port: "8080", protocol: "1" };
    const input = toCreateInput(values);
    expect(input).toEqual({ bk_process_name: "", bk_func_name: "", port: "8080", protocol: "1" });
    const result = validateProcessInput(input, "create");
    expect(result.isValid).toBe(false);
    if (!result.isValid) expect(Object.keys(toFieldMessages(result.problems, "en")).sort()).toEqual(["bk_func_name", "bk_process_name"]);
  });

  it("reports a bad port next to the port field, in both languages", () => {
    const result = validateProcessInput(toCreateInput({ ...toFormValues(), bk_process_name: "a", bk_func_name: "b", port: "99999" }), "create");
    expect(result.isValid).toBe(false);
    if (result.isValid) return;
    expect(toFieldMessages(result.problems, "en").port).toContain("65535");
    expect(toFieldMessages(result.problems, "zh").port).toContain("超出");
  });

  it("edit sends only changed fields; clearing a number sends null", () => {
    const initial = toFormValues({ bk_process_name: "a", bk_func_name: "b", timeout: 30, description: "x" });
    const changes = toUpdateChanges({ ...initial, timeout: "", description: "y" }, initial);
    expect(changes).toEqual({ timeout: null, description: "y" });
  });

  it("batch keeps only ticked, batch-editable fields", () => {
    const values = { ...toFormValues(), user: "www", bk_process_name: "nope", timeout: "9" };
    expect(toBatchChanges(values, ["user", "timeout", "bk_process_name"])).toEqual({ user: "www", timeout: 9 });
  });
});
