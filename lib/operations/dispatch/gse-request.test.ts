import { describe, expect, it } from "vitest";
import { SPEC_DEFAULTS, type TProcSpec } from "@/lib/protocol/agent-protocol";
import { specFromGse, ZGseSpec } from "@/lib/operations/process-spec";
import { batchRows, findRemoteResult, specToGse, type TDispatchRow } from "@/lib/operations/dispatch/gse-request";

const SPEC: TProcSpec = { procName: "nginx", setupPath: "/opt/nginx", pidPath: "/opt/nginx/nginx.pid", user: "www", startCmd: "./start.sh", stopCmd: "./stop.sh", restartCmd: "", reloadCmd: "./reload.sh", killCmd: "", ...SPEC_DEFAULTS };

function row(n: number, overrides: Partial<TDispatchRow> = {}): TDispatchRow {
  return { id: String(n), cloudId: 0, ip: `10.0.0.${n}`, namespace: "GSEKIT_BIZ_3", name: "nginx", opType: 0, spec: SPEC, labels: {}, ...overrides };
}

describe("the GSE request of a task's rows", () => {
  it("turns the spec back into GSE's words, which read back to the same spec", () => {
    expect(specFromGse(ZGseSpec.parse(specToGse(SPEC)))).toEqual(SPEC);
  });

  it("sends one request per (meta, op type, spec) with all its hosts, in one batch", () => {
    const batches = batchRows([row(1), row(2), row(3, { opType: 1 }), row(4, { name: "redis" })]);
    expect(batches).toHaveLength(1);
    expect(batches[0].requests.map((request) => [request.meta.name, request.op_type, request.hosts.map((host) => host.ip)])).toEqual([
      ["nginx", 0, ["10.0.0.1", "10.0.0.2"]],
      ["nginx", 1, ["10.0.0.3"]],
      ["redis", 0, ["10.0.0.4"]],
    ]);
  });

  it("never puts one host × process twice in a batch, and keeps to the request and host limits", () => {
    const twice = batchRows([row(1), row(1, { id: "2", opType: 1 })]);
    expect(twice.map((batch) => batch.rows.map((r) => r.id))).toEqual([["1"], ["2"]]);
    const many = batchRows([row(1), row(2), row(3), row(4, { name: "a" }), row(5, { name: "b" })], { maxRequests: 2, maxHosts: 2 });
    expect(many.map((batch) => batch.requests.map((request) => request.hosts.length))).toEqual([[2, 1], [1, 1]]);
  });

  it("reads a row's result by the v2 key, or GSE v1's with supplier 0; a missing key is still running", () => {
    const data = { "0:10.0.0.1:GSEKIT_BIZ_3:nginx": { error_code: 0, error_msg: "success", content: "" }, "0:0:10.0.0.2:GSEKIT_BIZ_3:nginx": { error_code: 65535, error_msg: "exit 1" } };
    expect(findRemoteResult(data, row(1))).toEqual({ code: 0, message: "success", content: "" });
    expect(findRemoteResult(data, row(2))).toEqual({ code: 65535, message: "exit 1", content: "" });
    expect(findRemoteResult(data, row(3))).toBeUndefined();
    expect(findRemoteResult(null, row(1))).toBeUndefined();
  });
});
