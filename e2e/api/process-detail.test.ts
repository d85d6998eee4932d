// get_process_detail: GET /api/v3/proc/{bk_supplier_account}/{bk_biz_id}/{bk_process_id}
import { beforeAll, describe, expect, it } from "vitest";
import { PROCESS_ATTRIBUTES } from "@/lib/processes/attribute-metadata";
import { cmdb, createBusiness, createProcess, DEMO_BIZ, expectCmdbError, expectSuccess, uniqueName } from "./support/cmdb-client";

type TDetail = { bk_property_id: string; bk_property_name: string; bk_property_value: unknown }[];

describe("get_process_detail", () => {
  const name = uniqueName("detail");
  let id = 0;

  beforeAll(async () => {
    id = await createProcess({ bk_process_name: name, bk_func_name: "nginx", port: 8080, bind_ip: "3", timeout: 30, auto_start: false, start_cmd: "./run" });
  });

  it("lists every attribute in metadata order with its stored value", async () => {
    const detail = expectSuccess<TDetail>(await cmdb("GET", `/api/v3/proc/0/${DEMO_BIZ}/${id}`));
    expect(detail.map((row) => row.bk_property_id)).toEqual(PROCESS_ATTRIBUTES.map((attribute) => attribute.id));
    const values = Object.fromEntries(detail.map((row) => [row.bk_property_id, row.bk_property_value]));
    expect(values).toMatchObject({ bk_biz_id: DEMO_BIZ, bk_process_name: name, bk_func_name: "nginx", port: "8080", bind_ip: "3", timeout: 30, auto_start: false, start_cmd: "./run", protocol: null, proc_num: null });
    for (const row of detail) expect(Object.keys(row)).toEqual(["bk_property_id", "bk_property_name", "bk_property_value"]);
  });

  it("names the attributes in Chinese by default", async () => {
    const detail = expectSuccess<TDetail>(await cmdb("GET", `/api/v3/proc/0/${DEMO_BIZ}/${id}`));
    expect(detail.map((row) => row.bk_property_name)).toEqual(PROCESS_ATTRIBUTES.map((attribute) => attribute.name.zh));
    expect(detail.find((row) => row.bk_property_id === "bk_process_name")?.bk_property_name).toBe("进程名称");
  });

  it("names the attributes in English with HTTP_BLUEKING_LANGUAGE: en", async () => {
    const detail = expectSuccess<TDetail>(await cmdb("GET", `/api/v3/proc/0/${DEMO_BIZ}/${id}`, { lang: "en" }));
    expect(detail.map((row) => row.bk_property_name)).toEqual(PROCESS_ATTRIBUTES.map((attribute) => attribute.name.en));
    expect(detail.find((row) => row.bk_property_id === "bk_process_name")?.bk_property_name).toBe("process name");
  });

  it("names the attributes in English with Accept-Language: en", async () => {
    const detail = expectSuccess<TDetail>(await cmdb("GET", `/api/v3/proc/0/${DEMO_BIZ}/${id}`, { headers: { "Accept-Language": "en-US,en;q=0.9" } }));
    expect(detail.find((row) => row.bk_property_id === "port")?.bk_property_name).toBe("port");
    expect(detail.find((row) => row.bk_property_id === "work_path")?.bk_property_name).toBe("work path");
  });

  it("answers a trailing slash like the bare path", async () => {
    const detail = expectSuccess<TDetail>(await cmdb("GET", `/api/v3/proc/0/${DEMO_BIZ}/${id}/`));
    expect(detail.find((row) => row.bk_property_id === "bk_process_name")?.bk_property_value).toBe(name);
  });

  it("answers an unknown id with 1199019 and HTTP 404", async () => {
    expectCmdbError(await cmdb("GET", `/api/v3/proc/0/${DEMO_BIZ}/2147483647`, { lang: "en" }), 1199019, 404, /No relevant data found/, "2147483647");
  });

  it("does not show a process of another business", async () => {
    const otherBiz = await createBusiness("detail-other");
    const foreignId = await createProcess({ bk_process_name: uniqueName("foreign") }, otherBiz);
    expectCmdbError(await cmdb("GET", `/api/v3/proc/0/${DEMO_BIZ}/${foreignId}`), 1199019, 404);
    expectSuccess(await cmdb("GET", `/api/v3/proc/0/${otherBiz}/${foreignId}`));
  });
});
