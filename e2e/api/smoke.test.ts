import { describe, expect, it } from "vitest";
import { cmdb, DEMO_BIZ } from "./support/cmdb-client";

describe("CMDB API smoke", () => {
  it("finds the demo gateway processes by module", async () => {
    const reply = await cmdb("POST", `/api/v3/proc/search/0/${DEMO_BIZ}`, { body: { condition: { bk_module_name: "gateway" }, fields: ["bk_process_name"] } });
    expect(reply.status).toBe(200);
    const names = (reply.body.data as { info: { bk_process_name: string }[] }).info.map((p) => p.bk_process_name);
    expect(names).toEqual(expect.arrayContaining(["nginx", "haproxy", "order-service", "node-exporter"]));
  });
});
