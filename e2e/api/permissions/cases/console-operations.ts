// Console routes of operations: operating needs the operator role in the path's business; the hosts,
// instances, task history and task pages need viewer. A task is retried once, so the retry case makes
// a fresh finished task with a failed row for every caller.
import { insertThrowawayFailedTask } from "../fixtures";
import type { TRouteCase } from "../route-case";

const BIZ = "/api/console/businesses/[bizId]";
const PROCESS = `${BIZ}/processes/[processId]`;
const base = (bizId: number) => `/api/console/businesses/${bizId}`;

export const CONSOLE_OPERATION_CASES: TRouteCase[] = [
  {
    route: `${PROCESS}/operations`,
    method: "POST",
    surface: "console",
    needs: "operate",
    build: ({ bizId, processId, hostId }) => ({ path: `${base(bizId)}/processes/${processId}/operations`, body: { opType: 2, hostIds: [hostId] } }),
  },
  {
    route: `${PROCESS}/operation-hosts`,
    method: "GET",
    surface: "console",
    needs: "view",
    build: ({ bizId, processId }) => ({ path: `${base(bizId)}/processes/${processId}/operation-hosts` }),
  },
  { route: `${PROCESS}/instances`, method: "GET", surface: "console", needs: "view", build: ({ bizId, processId }) => ({ path: `${base(bizId)}/processes/${processId}/instances` }) },
  { route: `${BIZ}/process-states`, method: "GET", surface: "console", needs: "view", build: ({ bizId, processId }) => ({ path: `${base(bizId)}/process-states?ids=${processId}` }) },
  { route: `${BIZ}/tasks`, method: "GET", surface: "console", needs: "view", build: ({ bizId }) => ({ path: `${base(bizId)}/tasks?pageSize=10` }) },
  { route: `${BIZ}/tasks/[taskId]`, method: "GET", surface: "console", needs: "view", build: ({ bizId, taskId }) => ({ path: `${base(bizId)}/tasks/${encodeURIComponent(taskId)}` }) },
  {
    route: `${BIZ}/tasks/[taskId]/retry`,
    method: "POST",
    surface: "console",
    needs: "operate",
    build: async ({ bizId, processId, hostId, hostIp }) => ({ path: `${base(bizId)}/tasks/${encodeURIComponent(await insertThrowawayFailedTask(bizId, processId, hostId, hostIp))}/retry` }),
  },
  {
    route: `${BIZ}/operations`,
    method: "POST",
    surface: "console",
    needs: "operate",
    build: ({ bizId, processId }) => ({ path: `${base(bizId)}/operations`, body: { opType: 2, processIds: [processId] } }),
  },
  {
    route: `${BIZ}/operations/preview`,
    method: "POST",
    surface: "console",
    needs: "operate",
    build: ({ bizId, processId }) => ({ path: `${base(bizId)}/operations/preview`, body: { opType: 2, processIds: [processId] } }),
  },
];
