import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/core/errors";
import { parseTaskIdParam } from "@/lib/core/parse-path";

describe("task id in a path", () => {
  it("accepts the id encoded or as it is", () => {
    expect(parseTaskIdParam("GSETASK%3A20250101120000%3A7")).toBe("GSETASK:20250101120000:7");
    expect(parseTaskIdParam("GSETASK:20250101120000:7")).toBe("GSETASK:20250101120000:7");
  });

  it("refuses anything else with 1199003", () => {
    for (const raw of [undefined, "", "7", "GSETASK:2025:7", "GSETASK%3A20250101120000%3A7%3Ax", "%E0%A4%A"]) {
      const error = (() => {
        try {
          parseTaskIdParam(raw);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe(1199003);
    }
  });
});
