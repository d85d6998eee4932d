// bk-cmdb v3.2's web UI, process page, replayed request by request as its source sends them and read
// the way it reads the replies. Repository TencentBlueKing/bk-cmdb, tag release-v3.2.26:
//   src/ui/src/store/modules/api/proc-config.js  (the URLs and bodies: searchProcess, searchProcessById,
//                                                 createProcess, updateProcess, batchUpdateProcess,
//                                                 getProcessBindModule, bindProcessModule, …)
//   src/ui/src/views/process/index.vue           (getSearchParams, getAllProcessList with page: {},
//                                                 handleSave, handleMultipleSave, handleDelete)
//   src/ui/src/views/process/module.vue          (changeBinding: the name with its first space removed)
//   src/ui/src/utils/tools.js getInstFormValues, src/ui/src/components/ui/form/{form,enum,int}.vue
//                                                (what the create / edit form sends for every attribute)
//   src/ui/src/api/index.js                      (the UI resolves with response.data.data when result is true)
// The property list is the process model the UI loads (upgrader v3.0.8 objAttDescData.go ProcRow, plus
// bk_start_param_regex from v3.1.0).
import { beforeAll, describe, expect, it } from "vitest";
import { cmdb, createBusiness, createSet, expectSuccess, sql, uniqueName, type TCmdbReply } from "../support/cmdb-client";

type TPropertyType = "int" | "singlechar" | "longchar" | "enum" | "bool";
type TProperty = { bk_property_id: string; bk_property_type: TPropertyType };
type TSearchData = { count: number; info: Record<string, unknown>[] };
type TModuleRow = { bk_module_name: string; set_num: number; is_bind: 0 | 1 };

const PROPERTIES: TProperty[] = (
  [
    ["bk_biz_id", "int"],
    ["bk_process_name", "singlechar"],
    ["description", "singlechar"],
    ["bind_ip", "enum"],
    ["port", "singlechar"],
    ["protocol", "enum"],
    ["bk_func_id", "singlechar"],
    ["bk_func_name", "singlechar"],
    ["work_path", "longchar"],
    ["user", "singlechar"],
    ["proc_num", "int"],
    ["priority", "int"],
    ["timeout", "int"],
    ["start_cmd", "longchar"],
    ["stop_cmd", "longchar"],
    ["restart_cmd", "longchar"],
    ["face_stop_cmd", "longchar"],
    ["reload_cmd", "longchar"],
    ["pid_file", "longchar"],
    ["auto_start", "bool"],
    ["auto_time_gap", "int"],
    ["bk_start_param_regex", "longchar"],
  ] as const
).map(([id, type]) => ({ bk_property_id: id, bk_property_type: type }));

/** tools.js getInstFormValues: the form's starting values for every property. */
function getInstFormValues(properties: TProperty[], inst: Record<string, unknown> = {}): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const { bk_property_id: id, bk_property_type: type } of properties) {
    if (type === "int") values[id] = inst[id] === "" || inst[id] === undefined ? null : inst[id];
    else if (type === "bool") values[id] = !!inst[id];
    else if (type === "enum") values[id] = inst[id] === null ? "" : inst[id];
    else values[id] = id in inst ? inst[id] : "";
  }
  return values;
}

/** enum.vue created(): a value of "" with no default option is replaced by null. */
function mountEnumComponents(values: Record<string, unknown>): Record<string, unknown> {
  const mounted = { ...values };
  for (const { bk_property_id: id, bk_property_type: type } of PROPERTIES) {
    if (type === "enum" && (mounted[id] === "" || mounted[id] === undefined)) mounted[id] = null;
  }
  return mounted;
}

// The UI's requests reach the API through bk-cmdb's web server, which adds the user and the supplier.
const UI_HEADERS = { HTTP_BLUEKING_SUPPLIER_ID: "0" };

async function ui(method: string, path: string, body?: unknown): Promise<TCmdbReply> {
  return cmdb(method, `/api/v3/${path}`, { body, headers: UI_HEADERS, operator: "ui-user" });
}

/** api/index.js: result true resolves with data; anything else would be shown as bk_error_msg. */
function uiData<T>(reply: TCmdbReply): T {
  return expectSuccess<T>(reply);
}

describe("bk-cmdb v3.2 UI: the process page", () => {
  let bizId = 0;
  const tag = uniqueName("ui");
  const names: string[] = [];
  const pagination = { current: 1, size: 10 };
  let sort = "-bk_process_id";
  let filterText = "";

  // index.vue getSearchParams()
  const getSearchParams = () => {
    const params: { condition: Record<string, unknown>; fields: string[]; page: Record<string, unknown> } = {
      condition: { bk_biz_id: bizId },
      fields: [],
      page: { start: (pagination.current - 1) * pagination.size, limit: pagination.size, sort },
    };
    if (filterText !== "") params.condition.bk_process_name = filterText;
    return params;
  };
  const searchProcess = async (params: unknown) => uiData<TSearchData>(await ui("POST", `proc/search/0/${bizId}`, params));
  // proc-config.js searchProcessById
  const searchProcessById = async (processId: number) => {
    const data = await searchProcess({ condition: { bk_biz_id: bizId, bk_process_id: { $eq: processId } } });
    return data.info[0] ?? {};
  };

  beforeAll(async () => {
    bizId = await createBusiness("ui-page");
    await createSet(bizId, "set-1", [{ name: "web server" }, { name: "db" }]);
    await createSet(bizId, "set-2", [{ name: "web server" }]);
    for (let i = 1; i <= 12; i++) names.push(`${tag}-${String(i).padStart(2, "0")}`);
    await sql(
      `INSERT INTO process (bk_biz_id, bk_supplier_account, bk_process_name, bk_func_name, port, bind_ip) SELECT $1, '0', name, 'worker', '80', '1' FROM unnest($2::text[]) AS name`,
      [bizId, names],
    );
  });

  it("lists the first page newest first, with the total the pager shows", async () => {
    const data = await searchProcess(getSearchParams());
    expect(data.count).toBe(12);
    expect(data.info).toHaveLength(10);
    const ids = data.info.map((row) => row.bk_process_id as number);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(data.info[0].bk_process_name).toBe(names[11]);
    // flatternList reads every property of each row, and the id for the checkbox column
    for (const property of PROPERTIES) expect(data.info[0]).toHaveProperty(property.bk_property_id);
    expect(data.info[0]).toMatchObject({ bk_biz_id: bizId, bind_ip: "1", port: "80" });
  });

  it("turns to the second page", async () => {
    pagination.current = 2;
    const data = await searchProcess(getSearchParams());
    pagination.current = 1;
    expect(data.count).toBe(12);
    expect(data.info.map((row) => row.bk_process_name)).toEqual([names[1], names[0]]);
  });

  it("sorts by a clicked column", async () => {
    sort = "bk_process_name";
    const data = await searchProcess(getSearchParams());
    sort = "-bk_process_id";
    expect(data.info.map((row) => row.bk_process_name)).toEqual(names.slice(0, 10));
  });

  it("searches by name (the text box)", async () => {
    filterText = `${tag}-0`;
    const data = await searchProcess(getSearchParams());
    filterText = "";
    expect(data.count).toBe(9);
    expect(data.info[0].bk_process_name).toBe(names[8]);
  });

  it("selects all rows across pages with page: {}", async () => {
    // index.vue handleCheckAll('all') → getAllProcessList()
    const data = await searchProcess({ ...getSearchParams(), page: {} });
    expect(data.count).toBe(12);
    expect(data.info.map((row) => row.bk_process_id)).toHaveLength(12);
  });

  it("finds one process by id with {$eq} (after a save)", async () => {
    const first = (await searchProcess(getSearchParams())).info[3];
    const found = await searchProcessById(first.bk_process_id as number);
    expect(found).toEqual(first);
    expect(await searchProcessById(2147483000)).toEqual({});
  });

  describe("create, edit, batch edit, bind and delete", () => {
    let processId = 0;
    const name = `${tag}-created`;

    it("creates with the form's values: null ints and bk_biz_id, false bools, empty strings, null enums", async () => {
      // index.vue handleCreate: inst {} → form values; the user fills in a few fields; handleSave → createProcess
      const values = mountEnumComponents(getInstFormValues(PROPERTIES, {}));
      expect(values).toMatchObject({ bk_biz_id: null, proc_num: null, auto_start: false, bind_ip: null, description: "", port: "" });
      Object.assign(values, { bk_process_name: name, bk_func_name: "nginx", port: "8080-8089", protocol: "1", timeout: 30 });
      const reply = await ui("POST", `proc/0/${bizId}`, values);
      uiData(reply);
      processId = (reply.body.data as { bk_process_id: number }).bk_process_id;

      // then handlePageChange(1): the new process heads the list
      const list = await searchProcess(getSearchParams());
      expect(list.count).toBe(13);
      expect(list.info[0]).toMatchObject({ bk_process_id: processId, bk_process_name: name, bk_biz_id: bizId, port: "8080-8089", protocol: "1", bind_ip: null, timeout: 30, auto_start: false, proc_num: null, description: "" });
    });

    it("saves an edit with every value of the form, bk_biz_id included", async () => {
      // handleEdit: the row from the cached list becomes the form's inst
      const inst = (await searchProcess(getSearchParams())).info.find((row) => row.bk_process_id === processId)!;
      const values = mountEnumComponents(getInstFormValues(PROPERTIES, inst));
      expect(values.bk_biz_id).toBe(bizId);
      Object.assign(values, { user: "www", auto_start: true, priority: 5 });
      uiData(await ui("PUT", `proc/0/${bizId}/${processId}`, values));

      const saved = await searchProcessById(processId);
      expect(saved).toMatchObject({ user: "www", auto_start: true, priority: 5, port: "8080-8089", bind_ip: null, protocol: "1", bk_biz_id: bizId });
    });

    it("saves an edit whose untouched enum is still the form's \"\"", async () => {
      // getInstFormValues turns a null enum into ""; when the enum component does not re-emit
      // (the form re-initialised under it), "" is what goes out
      const inst = await searchProcessById(processId);
      const values: Record<string, unknown> = { ...getInstFormValues(PROPERTIES, inst), description: "edited" };
      expect(values.bind_ip).toBe("");
      uiData(await ui("PUT", `proc/0/${bizId}/${processId}`, values));
      expect(await searchProcessById(processId)).toMatchObject({ description: "edited", bind_ip: null, protocol: "1" });
    });

    it("refuses an edit that moves the process to another business, naming bk_biz_id", async () => {
      const inst = await searchProcessById(processId);
      const reply = await ui("PUT", `proc/0/${bizId}/${processId}`, { ...getInstFormValues(PROPERTIES, inst), bk_biz_id: bizId + 1 });
      expect(reply.body).toMatchObject({ result: false, bk_error_code: 1199028 });
      expect(reply.body.bk_error_msg).toMatch(/bk_biz_id/);
    });

    it("batch-edits the ticked rows with the ticked fields", async () => {
      // handleMultipleSave: {...values of the ticked fields, bk_process_id: checked.join(',')}
      const checked = (await searchProcess(getSearchParams())).info.slice(0, 3).map((row) => row.bk_process_id as number);
      uiData(await ui("PUT", `proc/0/${bizId}`, { stop_cmd: "./stop.sh", bk_process_id: checked.join(",") }));
      for (const id of checked) expect(await searchProcessById(id)).toMatchObject({ stop_cmd: "./stop.sh" });
    });

    it("binds and unbinds a module the way module.vue sends its name", async () => {
      const modulePath = (moduleName: string) => `proc/module/0/${bizId}/${processId}/${encodeURI(moduleName)}`;
      // getProcessBindModule, then sortModule: bound first, each part by name
      const before = uiData<TModuleRow[]>(await ui("GET", `proc/module/0/${bizId}/${processId}`));
      expect(before).toEqual([
        { bk_module_name: "db", set_num: 1, is_bind: 0 },
        { bk_module_name: "web server", set_num: 2, is_bind: 0 },
      ]);

      // changeBinding: `item['bk_module_name'].replace(' ', '')`, then PUT with {} (proc-config.js)
      const item = before.find((row) => row.bk_module_name === "web server")!;
      uiData(await ui("PUT", modulePath(item.bk_module_name.replace(" ", "")), {}));
      uiData(await ui("PUT", modulePath("db"), {}));
      const bound = uiData<TModuleRow[]>(await ui("GET", `proc/module/0/${bizId}/${processId}`));
      expect(bound).toEqual([
        { bk_module_name: "db", set_num: 1, is_bind: 1 },
        { bk_module_name: "web server", set_num: 2, is_bind: 1 },
      ]);
      const byModule = await searchProcess({ condition: { bk_biz_id: bizId, bk_module_name: "web server" }, fields: ["bk_process_id"] });
      expect(byModule.info).toEqual([{ bk_process_id: processId }]);

      // delete is refused while bound (the UI shows bk_error_msg)
      const refused = await ui("DELETE", `proc/0/${bizId}/${processId}`);
      expect(refused.body).toMatchObject({ result: false, bk_error_code: 1108013 });

      uiData(await ui("DELETE", modulePath(item.bk_module_name.replace(" ", ""))));
      uiData(await ui("DELETE", modulePath("db")));
      const after = uiData<TModuleRow[]>(await ui("GET", `proc/module/0/${bizId}/${processId}`));
      expect(after.every((row) => row.is_bind === 0)).toBe(true);
    });

    it("deletes, and the list no longer shows it", async () => {
      // handleDelete → deleteProcess, then handlePageChange(1)
      uiData(await ui("DELETE", `proc/0/${bizId}/${processId}`));
      const list = await searchProcess(getSearchParams());
      expect(list.count).toBe(12);
      expect(await searchProcessById(processId)).toEqual({});
    });
  });
});
