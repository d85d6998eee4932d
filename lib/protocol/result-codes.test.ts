import { describe, expect, it } from "vitest";
import { isSuccessCode, NOT_FAILED_CODES, RESULT_CODE, RESULT_CODES, resultCodeNameOf, rowOutcomeOf, SUCCESS_CODES } from "./result-codes";

describe("result codes", () => {
  it("are GSE's numbers, each with a meaning", () => {
    expect(Object.values(RESULT_CODE)).toEqual([0, 115, 117, 828, 829, 832, 836, 65535]);
    for (const { meaning } of Object.values(RESULT_CODES)) expect(meaning.length).toBeGreaterThan(0);
    expect(resultCodeNameOf(829)).toBe("NOT_RUNNING");
    expect(resultCodeNameOf(4242)).toBeUndefined();
  });

  it("count 0, 828 and 829 as success, 115 as running and anything else as failed", () => {
    expect(SUCCESS_CODES).toEqual([0, 828, 829]);
    expect(NOT_FAILED_CODES).toEqual([115, 0, 828, 829]);
    expect([0, 828, 829, 115, 117].map(isSuccessCode)).toEqual([true, true, true, false, false]);
    expect([115, 0, 829, 117, 65535, 4242].map(rowOutcomeOf)).toEqual(["running", "succeeded", "succeeded", "failed", "failed", "failed"]);
  });
});
