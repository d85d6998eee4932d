import { expect, it } from "vitest";
import { BASE_URL } from "./support/cmdb-client";

it("a path with broken percent-encoding gets the CMDB envelope, not a plain-text 500", async () => {
  const response = await fetch(`${BASE_URL}/api/v3/proc/module/0/2/1/%E0%A4%A`, { method: "PUT" });
  expect(response.status).toBe(400);
  expect(response.headers.get("content-type")).toContain("application/json");
  expect(await response.json()).toMatchObject({ result: false, bk_error_code: 1199003, data: null });
});

it("the same on the ESB surface answers in the ESB envelope", async () => {
  const response = await fetch(`${BASE_URL}/api/c/compapi/v2/gse/%E0%A4%A/`, { method: "POST", body: "{}" });
  expect(response.status).toBe(400);
  expect(await response.json()).toMatchObject({ result: false, code: 1199003, data: null });
});
