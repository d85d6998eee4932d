// Host import from CSV: the preview reports every line (new / already here / moves / an error with
// its reason) and changes nothing; apply writes every line in one transaction or nothing; importing
// the same file twice changes nothing the second time.
import { beforeAll, describe, expect, it } from "vitest";
import { uniqueName } from "./support/cmdb-client";
import { signedInUser, type TConsoleClient } from "./support/principals";
import { createBusinessViaApi, dataOf, errorOf, freshTestIp, hostIdOf, insertHost, placementOf, topologyPaths, topologySnapshot } from "./support/topology";

type TLine = { line: number; ip: string; status: string | null; from: string[]; to: string | null; hostNameFrom: string | null; error: { en: string; zh: string } | null };
type TPlan = { lines: TLine[]; counts: Record<string, number> };

let admin: TConsoleClient;
let biz: Awaited<ReturnType<typeof createBusinessViaApi>>;
let setName: string;
let paths: ReturnType<typeof topologyPaths>;

beforeAll(async () => {
  admin = await signedInUser({ isGlobalAdmin: true, prefix: "import-admin" });
  biz = await createBusinessViaApi(admin, "import");
  paths = topologyPaths(biz.bizId);
  setName = uniqueName("imp-set");
  const { setId } = dataOf<{ setId: number }>(await admin.call("POST", paths.sets, { body: { name: setName } }));
  for (const name of ["web", "db"]) dataOf(await admin.call("POST", paths.setModules(setId), { body: { name } }));
});

const preview = async (csv: string) => dataOf<TPlan>(await admin.call("POST", paths.importPreview, { body: { csv } }));

describe("preview", () => {
  it("reports each line's problem with its line number and changes nothing", async () => {
    const owner = await createBusinessViaApi(admin, "import-owner");
    const foreign = await insertHost([owner.idleModuleId]);
    const [good, dup, a, b, c, d] = await Promise.all(Array.from({ length: 6 }, () => freshTestIp()));
    const csv = [
      "bk_host_innerip,bk_cloud_id,bk_host_name,bk_set_name,bk_module_name",
      `${good},0,good-host,${setName},web`,
      "10.0.0.300,0,,,",
      `${a},0,,no-such-set,web`,
      `${b},0,,${setName},no-such-module`,
      `${dup},,,,`,
      `${dup},0,again,,`,
      `${foreign.ip},0,,,`,
      `${c},x,,,`,
      `${d},0,,${setName},`,
    ].join("\n");
    const snapshot = await topologySnapshot(biz.bizId);

    const plan = await preview(csv);
    const byLine = new Map(plan.lines.map((line) => [line.line, line]));
    expect(byLine.get(2)).toMatchObject({ ip: good, status: "new", from: [], to: `${setName} / web`, error: null });
    expect(byLine.get(3)?.error?.en).toBe("bk_host_innerip '10.0.0.300' is not an IPv4 address such as 10.0.0.5");
    expect(byLine.get(4)?.error?.en).toBe("unknown set 'no-such-set'");
    expect(byLine.get(5)?.error?.en).toBe(`set '${setName}' has no module 'no-such-module'`);
    expect(byLine.get(6)).toMatchObject({ status: "new", to: "空闲机池 / 空闲机", error: null });
    expect(byLine.get(7)?.error?.en).toBe(`duplicate: line 6 already names host 0:${dup}`);
    expect(byLine.get(8)?.error?.en).toContain("already belongs to another business");
    expect(byLine.get(8)?.error?.en).not.toContain(owner.name);
    expect(byLine.get(9)?.error?.en).toMatch(/^bk_cloud_id 'x' must be a whole number/);
    expect(byLine.get(10)?.error?.en).toMatch(/give both bk_set_name and bk_module_name/);
    expect(byLine.get(3)?.error?.zh).toContain("不是 IPv4 地址");
    expect(plan.counts).toEqual({ new: 2, unchanged: 0, move: 0, rename: 0, error: 7 });

    // apply refuses the same file as a whole
    const refused = errorOf(await admin.call("POST", paths.importApply, { body: { csv } }));
    expect(refused.status).toBe(400);
    expect(refused.message).toContain("7 of the lines have errors, so nothing was imported; first: line 3");

    expect(await topologySnapshot(biz.bizId)).toEqual(snapshot);
    expect(await hostIdOf(good)).toBeUndefined();
    expect(await hostIdOf(dup)).toBeUndefined();
  });

  it("refuses a file without the header line or with an unknown column", async () => {
    expect(errorOf(await admin.call("POST", paths.importPreview, { body: { csv: "10.0.0.1,0" } })).message).toMatch(/header.*bk_host_innerip/);
    expect(errorOf(await admin.call("POST", paths.importPreview, { body: { csv: "bk_host_innerip,bk_colud_id\n10.0.0.1,0" } })).message).toContain("unknown column 'bk_colud_id'");
    expect(errorOf(await admin.call("POST", paths.importPreview, { body: { csv: "" } })).message).toContain("csv is empty");
  });

  it("caps an import at 5,000 hosts and says so", async () => {
    const lines = ["bk_host_innerip"];
    for (let index = 0; index < 5_001; index++) lines.push(`198.19.${Math.floor(index / 250)}.${(index % 250) + 1}`);
    const plan = await preview(lines.join("\n"));
    expect(plan.lines).toHaveLength(5_001);
    expect(plan.lines.at(-1)).toMatchObject({ line: 5_002, error: { en: expect.stringContaining("too many lines: 5001 hosts given, at most 5,000 per import") } });
  });
});

describe("apply", () => {
  it("imports every line in one go, then finds the same file unchanged", async () => {
    const moving = await insertHost();
    dataOf(await admin.call("POST", paths.moduleHosts(biz.idleModuleId), { body: { hosts: [{ ip: moving.ip }] } }));
    const [first, second] = [await freshTestIp(), await freshTestIp()];
    const csv = [
      "bk_host_innerip,bk_host_name,bk_set_name,bk_module_name",
      `${first},web-1,${setName},web`,
      `"${second}","db-1","${setName}","db"`,
      `${moving.ip},,${setName},web`,
      "",
    ].join("\r\n");

    const plan = await preview(csv);
    expect(plan.lines.map((line) => [line.line, line.status])).toEqual([
      [2, "new"],
      [3, "new"],
      [4, "move"],
    ]);
    expect(plan.lines[2]).toMatchObject({ from: ["空闲机池 / 空闲机"], to: `${setName} / web` });

    expect(dataOf(await admin.call("POST", paths.importApply, { body: { csv } }))).toEqual({ created: 2, moved: 3, renamed: 0, unchanged: 0 });
    expect(await placementOf((await hostIdOf(first))!)).toEqual([`${setName} / web`]);
    expect(await placementOf((await hostIdOf(second))!)).toEqual([`${setName} / db`]);
    expect(await placementOf(moving.hostId)).toEqual([`${setName} / web`]);

    const snapshot = await topologySnapshot(biz.bizId);
    expect((await preview(csv)).lines.map((line) => line.status)).toEqual(["unchanged", "unchanged", "unchanged"]);
    expect(dataOf(await admin.call("POST", paths.importApply, { body: { csv } }))).toEqual({ created: 0, moved: 0, renamed: 0, unchanged: 3 });
    expect(await topologySnapshot(biz.bizId)).toEqual(snapshot);
  });

  it("a host name change alone is reported and applied as a rename", async () => {
    const ip = await freshTestIp();
    dataOf(await admin.call("POST", paths.importApply, { body: { csv: `bk_host_innerip,bk_host_name\n${ip},old-name` } }));
    const plan = await preview(`bk_host_innerip,bk_host_name\n${ip},new-name`);
    expect(plan.lines[0]).toMatchObject({ status: "rename", hostNameFrom: "old-name" });
    expect(dataOf(await admin.call("POST", paths.importApply, { body: { csv: `bk_host_innerip,bk_host_name\n${ip},new-name` } }))).toMatchObject({ renamed: 1, moved: 0 });
    const listed = dataOf<{ ip: string; hostName: string }[]>(await admin.call("GET", paths.hosts));
    expect(listed.find((host) => host.ip === ip)?.hostName).toBe("new-name");
  });
});
