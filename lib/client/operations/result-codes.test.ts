import { describe, expect, it } from "vitest";
import { translate } from "@/lib/client/i18n/translate";
import { CONSOLE_OPERATIONS, isDestructive, needsConfirmation, opTypeKey, resultMessageKey, rowState, taskState } from "@/lib/client/operations/result-codes";

describe("result codes", () => {
  it("maps each code to a row state; 828 and 829 left the process as asked", () => {
    expect(rowState(115)).toBe("running");
    for (const code of [0, 828, 829]) expect(rowState(code)).toBe("succeeded");
    for (const code of [117, 832, 836, 65535, 1]) expect(rowState(code)).toBe("failed");
  });

  it("says what each code means, in both languages", () => {
    expect(translate("en", resultMessageKey(828))).toBe("Already running — nothing to do");
    expect(translate("zh", resultMessageKey(828))).toBe("进程已在运行——无需操作");
    expect(translate("en", resultMessageKey(117))).toContain("Agent offline");
    expect(translate("en", resultMessageKey(829))).toBe("Not running — nothing to do");
    expect(translate("en", resultMessageKey(65535))).toContain("Command failed");
    expect(translate("zh", resultMessageKey(836))).toContain("检查失败");
    for (const code of [0, 115, 117, 828, 829, 832, 836, 65535]) expect(resultMessageKey(code)).not.toBe("codeUnknown");
  });

  it("names unknown codes and op types instead of hiding them", () => {
    expect(translate("en", resultMessageKey(4242), { code: 4242 })).toBe("Result code 4242");
    expect(translate("zh", opTypeKey(5), { op: 5 })).toBe("操作 5");
  });

  it("offers every operation of the contract", () => {
    expect(CONSOLE_OPERATIONS.map((op) => op.opType).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 7, 8, 9]);
    expect(translate("en", opTypeKey(9))).toBe("Force stop");
    expect(translate("zh", opTypeKey(3))).toBe("托管");
  });

  it("asks first for stop, kill and anything on more than one host", () => {
    expect(needsConfirmation(0, 1)).toBe(false);
    expect(needsConfirmation(2, 1)).toBe(false);
    expect(needsConfirmation(0, 2)).toBe(true);
    expect(needsConfirmation(1, 1)).toBe(true);
    expect(needsConfirmation(9, 1)).toBe(true);
    expect(isDestructive(1) && isDestructive(9) && !isDestructive(7)).toBe(true);
  });

  it("derives a task's state from its progress", () => {
    expect(taskState({ running: 1, failed: 1 })).toBe("running");
    expect(taskState({ running: 0, failed: 1 })).toBe("failed");
    expect(taskState({ running: 0, failed: 0 })).toBe("succeeded");
  });
});
