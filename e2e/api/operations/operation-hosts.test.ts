// The Operate dialog's host list: the hosts of the modules a process is bound to; an unknown process,
// or one of another business, is a 404 naming it rather than an empty list.
import { beforeAll, describe, expect, it } from "vitest";
import { cmdb, createProcess, expectSuccess } from "../support/cmdb-client";
import { signedInUser, type TConsoleClient } from "../support/principals";
import { createBusinessWithHost, type TBizWithHost } from "../access/access-support";

type TEnvelope = { ok: boolean; data?: unknown; error?: { code: number; kind: string; message: string } };

let biz: TBizWithHost;
let other: TBizWithHost;
let viewer: TConsoleClient;
let bound: number;
let unbound: number;
let otherProcess: number;

const hostsPath = (bizId: number, processId: number) => `/api/console/businesses/${bizId}/processes/${processId}/operation-hosts`;

beforeAll(async () => {
  [biz, other] = [await createBusinessWithHost("oph"), await createBusinessWithHost("oph-other")];
  bound = await createProcess({}, biz.bizId);
  expectSuccess(await cmdb("PUT", `/api/v3/proc/module/0/${biz.bizId}/${bound}/${encodeURIComponent(biz.moduleName)}`));
  unbound = await createProcess({}, biz.bizId);
  otherProcess = await createProcess({}, other.bizId);
  viewer = await signedInUser({ roles: [{ bizId: biz.bizId, role: "viewer" }], prefix: "oph" });
}, 60_000);

describe("operation hosts", () => {
  it("lists the hosts of the modules the process is bound to", async () => {
    const reply = await viewer.call("GET", hostsPath(biz.bizId, bound));
    expect(reply.status, reply.text).toBe(200);
    expect((reply.body as unknown as TEnvelope).data).toEqual([
      { hostId: biz.hostId, ip: biz.hostIp, cloudId: 0, hostName: expect.any(String), setName: biz.setName, moduleName: biz.moduleName, agentState: "none" },
    ]);
  });

  it("answers an empty list for a process bound to no module", async () => {
    const reply = await viewer.call("GET", hostsPath(biz.bizId, unbound));
    expect(reply.status, reply.text).toBe(200);
    expect((reply.body as unknown as TEnvelope).data).toEqual([]);
  });

  it.each([
    ["a process id nobody has", () => 2147483600],
    ["a process of another business", () => otherProcess],
  ])("answers 404 with the not-found envelope for %s", async (_label, processId) => {
    const reply = await viewer.call("GET", hostsPath(biz.bizId, processId()));
    expect(reply.status, reply.text).toBe(404);
    expect(reply.body as unknown as TEnvelope).toMatchObject({ ok: false, error: { code: 1199019, kind: "NOT_FOUND", message: expect.stringContaining(String(processId())) } });
    expect(reply.text).not.toContain(other.hostIp);
  });
});
