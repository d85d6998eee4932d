// The CMDB process API (/api/{version}/proc/...): app credentials; reads need viewer, writes admin in
// the path's business (search is a read sent as POST).
import { uniqueName } from "../../support/cmdb-client";
import { insertThrowawayProcess } from "../fixtures";
import type { TRouteCase } from "../route-case";

const BIZ = "/api/[version]/proc/[account]/[bizId]";
const PROCESS = "/api/[version]/proc/[account]/[bizId]/[processId]";
const MODULES = "/api/[version]/proc/module/[account]/[bizId]/[processId]";
const BINDING = "/api/[version]/proc/module/[account]/[bizId]/[processId]/[moduleName]";

export const CMDB_CASES: TRouteCase[] = [
  {
    route: BIZ,
    method: "POST",
    surface: "cmdb",
    needs: "edit",
    build: ({ bizId }) => ({ path: `/api/v3/proc/0/${bizId}`, body: { bk_process_name: uniqueName("mx-cmdb"), bk_func_name: "mx" } }),
  },
  {
    route: BIZ,
    method: "PUT",
    surface: "cmdb",
    needs: "edit",
    build: ({ bizId, processId }) => ({ path: `/api/v3/proc/0/${bizId}`, body: { bk_process_id: String(processId), description: uniqueName("mx-batch") } }),
  },
  { route: PROCESS, method: "GET", surface: "cmdb", needs: "view", build: ({ bizId, processId }) => ({ path: `/api/v3/proc/0/${bizId}/${processId}` }) },
  {
    route: PROCESS,
    method: "PUT",
    surface: "cmdb",
    needs: "edit",
    build: ({ bizId, processId }) => ({ path: `/api/v3/proc/0/${bizId}/${processId}`, body: { description: uniqueName("mx-update") } }),
  },
  {
    route: PROCESS,
    method: "DELETE",
    surface: "cmdb",
    needs: "edit",
    build: async ({ bizId }) => ({ path: `/api/v3/proc/0/${bizId}/${await insertThrowawayProcess(bizId)}` }),
  },
  { route: MODULES, method: "GET", surface: "cmdb", needs: "view", build: ({ bizId, processId }) => ({ path: `/api/v3/proc/module/0/${bizId}/${processId}` }) },
  {
    route: BINDING,
    method: "PUT",
    surface: "cmdb",
    needs: "edit",
    // binding is idempotent: the fixture process is already bound, the reply is still a success
    build: ({ bizId, processId, moduleName }) => ({ path: `/api/v3/proc/module/0/${bizId}/${processId}/${encodeURIComponent(moduleName)}` }),
  },
  {
    route: BINDING,
    method: "DELETE",
    surface: "cmdb",
    needs: "edit",
    build: async ({ bizId, moduleName }) => ({
      path: `/api/v3/proc/module/0/${bizId}/${await insertThrowawayProcess(bizId, { boundTo: moduleName })}/${encodeURIComponent(moduleName)}`,
    }),
  },
  {
    route: "/api/[version]/proc/search/[account]/[bizId]",
    method: "POST",
    surface: "cmdb",
    needs: "view",
    build: ({ bizId }) => ({ path: `/api/v3/proc/search/0/${bizId}`, body: { page: { start: 0, limit: 10 } } }),
  },
];
