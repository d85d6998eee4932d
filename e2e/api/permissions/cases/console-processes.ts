// Console routes of the process catalogue (/api/console/businesses/[bizId]/processes/**, modules):
// a signed-in user; reads need viewer, writes admin in the path's business.
import { uniqueName } from "../../support/cmdb-client";
import { insertThrowawayProcess, revisionOf } from "../fixtures";
import type { TRouteCase } from "../route-case";

const BIZ = "/api/console/businesses/[bizId]";
const PROCESSES = `${BIZ}/processes`;
const PROCESS = `${PROCESSES}/[processId]`;
const base = (bizId: number) => `/api/console/businesses/${bizId}`;

export const CONSOLE_PROCESS_CASES: TRouteCase[] = [
  { route: `${BIZ}/modules`, method: "GET", surface: "console", needs: "view", build: ({ bizId }) => ({ path: `${base(bizId)}/modules` }) },
  { route: PROCESSES, method: "GET", surface: "console", needs: "view", build: ({ bizId }) => ({ path: `${base(bizId)}/processes?size=25` }) },
  {
    route: PROCESSES,
    method: "POST",
    surface: "console",
    needs: "edit",
    build: ({ bizId }) => ({ path: `${base(bizId)}/processes`, body: { bk_process_name: uniqueName("mx-console"), bk_func_name: "mx" } }),
  },
  {
    route: `${PROCESSES}/batch-update`,
    method: "POST",
    surface: "console",
    needs: "edit",
    build: ({ bizId, processId }) => ({ path: `${base(bizId)}/processes/batch-update`, body: { ids: [processId], changes: { description: uniqueName("mx-batch") } } }),
  },
  {
    route: `${PROCESSES}/batch-update/preview`,
    method: "POST",
    surface: "console",
    needs: "edit",
    build: ({ bizId, processId }) => ({ path: `${base(bizId)}/processes/batch-update/preview`, body: { ids: [processId], changes: { description: "mx preview" } } }),
  },
  { route: PROCESS, method: "GET", surface: "console", needs: "view", build: ({ bizId, processId }) => ({ path: `${base(bizId)}/processes/${processId}` }) },
  {
    route: PROCESS,
    method: "PATCH",
    surface: "console",
    needs: "edit",
    // read right before sending: earlier cases (batch updates) moved the revision on
    build: async ({ bizId, processId }) => ({
      path: `${base(bizId)}/processes/${processId}`,
      body: { expectedRevision: await revisionOf(processId), changes: { description: uniqueName("mx-patch") } },
    }),
  },
  {
    route: PROCESS,
    method: "DELETE",
    surface: "console",
    needs: "edit",
    build: async ({ bizId }) => ({ path: `${base(bizId)}/processes/${await insertThrowawayProcess(bizId)}` }),
  },
  { route: `${PROCESS}/history`, method: "GET", surface: "console", needs: "view", build: ({ bizId, processId }) => ({ path: `${base(bizId)}/processes/${processId}/history` }) },
  { route: `${PROCESS}/modules`, method: "GET", surface: "console", needs: "view", build: ({ bizId, processId }) => ({ path: `${base(bizId)}/processes/${processId}/modules` }) },
  {
    route: `${PROCESS}/modules/[moduleName]`,
    method: "PUT",
    surface: "console",
    needs: "edit",
    // idempotent: the fixture process stays bound
    build: ({ bizId, processId, moduleName }) => ({ path: `${base(bizId)}/processes/${processId}/modules/${encodeURIComponent(moduleName)}` }),
  },
  {
    route: `${PROCESS}/modules/[moduleName]`,
    method: "DELETE",
    surface: "console",
    needs: "edit",
    build: async ({ bizId, moduleName }) => ({
      path: `${base(bizId)}/processes/${await insertThrowawayProcess(bizId, { boundTo: moduleName })}/modules/${encodeURIComponent(moduleName)}`,
    }),
  },
];
