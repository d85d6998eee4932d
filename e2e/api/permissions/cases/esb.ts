// The GSE / JOB operation APIs (/api/c/compapi/v2/...): app credentials; operations need the operator
// role in the business of the target host (and, for JOB, in bk_biz_id); status and result reads the
// viewer role (the matrix's task is a console task, so no app is its creator).
import type { TMatrixFixtures, TRouteCase } from "../route-case";

const V2 = "/api/c/compapi/v2";
const SPEC = {
  identity: { proc_name: "mx-esb", setup_path: "/tmp/procdeck-matrix", pid_path: "/tmp/procdeck-matrix/mx-esb.pid", user: "root" },
  control: { start_cmd: "true", stop_cmd: "true" },
  alive_monitor_policy: { auto_type: 1 },
};
const META = { namespace: "mx-esb", name: "mx-esb" };

const gseOperation = ({ hostIp }: TMatrixFixtures) => ({ meta: META, hosts: [{ ip: hostIp, bk_cloud_id: 0 }], op_type: 2, spec: SPEC });
const jobOperation = ({ bizId, hostIp }: TMatrixFixtures) => ({
  bk_biz_id: bizId,
  op_type: 2,
  process_infos: [{ setup_path: SPEC.identity.setup_path, proc_name: "mx-esb", pid_path: SPEC.identity.pid_path, ip_list: [{ bk_cloud_id: 0, ip: hostIp }] }],
});
const status = ({ hostIp }: TMatrixFixtures) => ({ meta: META, hosts: [{ ip: hostIp, bk_cloud_id: 0 }] });
const byAgentId = ({ hostIp }: TMatrixFixtures) => [`0:${hostIp}`];
const registration = (fixtures: TMatrixFixtures) => ({ ...status(fixtures), spec: SPEC });

/** GSE 2.0's process API, at the ESB-prefixed root and at the gateway root. */
const GSE2_ROOTS = [`${V2}/gse/api/v2/proc`, "/api/v2/proc"];

function gse2Cases(root: string): TRouteCase[] {
  return [
    {
      route: `${root}/operate_proc_multi`,
      method: "POST",
      surface: "esb",
      needs: "operate",
      build: (fixtures) => ({ path: `${root}/operate_proc_multi/`, body: { proc_operate_req: [{ meta: META, agent_id_list: byAgentId(fixtures), op_type: 2, spec: SPEC }] } }),
    },
    { route: `${root}/get_proc_operate_result_v2`, method: "POST", surface: "esb", needs: "view", build: ({ taskId }) => ({ path: `${root}/get_proc_operate_result_v2/`, body: { task_id: taskId } }) },
    { route: `${root}/get_proc_operate_result_v2`, method: "GET", surface: "esb", needs: "view", build: ({ taskId }) => ({ path: `${root}/get_proc_operate_result_v2/?task_id=${encodeURIComponent(taskId)}` }) },
    { route: `${root}/get_proc_status_v2`, method: "POST", surface: "esb", needs: "view", build: (fixtures) => ({ path: `${root}/get_proc_status_v2/`, body: { meta: META, agent_id_list: byAgentId(fixtures) } }) },
    { route: `${root}/sync_proc_status`, method: "POST", surface: "esb", needs: "view", build: (fixtures) => ({ path: `${root}/sync_proc_status/`, body: { meta: { namespace: META.namespace }, agent_id_list: byAgentId(fixtures) } }) },
  ];
}

function gseCases(name: string): TRouteCase[] {
  return [{ route: `${V2}/gse/${name}`, method: "POST", surface: "esb", needs: "operate", build: (fixtures) => ({ path: `${V2}/gse/${name}/`, body: gseOperation(fixtures) }) }];
}

function resultCases(name: string): TRouteCase[] {
  return [
    { route: `${V2}/gse/${name}`, method: "POST", surface: "esb", needs: "view", build: ({ taskId }) => ({ path: `${V2}/gse/${name}/`, body: { task_id: taskId } }) },
    { route: `${V2}/gse/${name}`, method: "GET", surface: "esb", needs: "view", build: ({ taskId }) => ({ path: `${V2}/gse/${name}/?task_id=${encodeURIComponent(taskId)}` }) },
  ];
}

function jobCases(name: string): TRouteCase[] {
  return [{ route: `${V2}/job/${name}`, method: "POST", surface: "esb", needs: "operate", build: (fixtures) => ({ path: `${V2}/job/${name}/`, body: jobOperation(fixtures) }) }];
}

export const ESB_CASES: TRouteCase[] = [
  ...gseCases("operate_proc"),
  ...gseCases("operate_proc_v2"),
  {
    route: `${V2}/gse/operate_proc_multi`,
    method: "POST",
    surface: "esb",
    needs: "operate",
    build: (fixtures) => ({ path: `${V2}/gse/operate_proc_multi/`, body: { proc_operate_req: [gseOperation(fixtures), { ...gseOperation(fixtures), op_type: 4 }] } }),
  },
  ...resultCases("get_proc_operate_result"),
  ...resultCases("get_proc_operate_result_v2"),
  { route: `${V2}/gse/get_proc_status`, method: "POST", surface: "esb", needs: "view", build: (fixtures) => ({ path: `${V2}/gse/get_proc_status/`, body: status(fixtures) }) },
  { route: `${V2}/gse/get_proc_status_v2`, method: "POST", surface: "esb", needs: "view", build: (fixtures) => ({ path: `${V2}/gse/get_proc_status_v2/`, body: status(fixtures) }) },
  { route: `${V2}/gse/sync_proc_status`, method: "POST", surface: "esb", needs: "view", build: (fixtures) => ({ path: `${V2}/gse/sync_proc_status/`, body: { meta: { namespace: META.namespace }, hosts: status(fixtures).hosts } }) },
  { route: `${V2}/gse/register_proc_info`, method: "POST", surface: "esb", needs: "operate", build: (fixtures) => ({ path: `${V2}/gse/register_proc_info/`, body: registration(fixtures) }) },
  { route: `${V2}/gse/update_proc_info`, method: "POST", surface: "esb", needs: "operate", build: (fixtures) => ({ path: `${V2}/gse/update_proc_info/`, body: registration(fixtures) }) },
  { route: `${V2}/gse/update_proc_info`, method: "PUT", surface: "esb", needs: "operate", build: (fixtures) => ({ path: `${V2}/gse/update_proc_info/`, body: registration(fixtures) }) },
  { route: `${V2}/gse/unregister_proc_info`, method: "POST", surface: "esb", needs: "operate", build: (fixtures) => ({ path: `${V2}/gse/unregister_proc_info/`, body: status(fixtures) }) },
  { route: `${V2}/gse/unregister_proc_info`, method: "DELETE", surface: "esb", needs: "operate", build: (fixtures) => ({ path: `${V2}/gse/unregister_proc_info/`, body: status(fixtures) }) },
  ...GSE2_ROOTS.flatMap(gse2Cases),
  ...jobCases("operate_process"),
  ...jobCases("operate_proc"),
  {
    route: `${V2}/job/manage_proc`,
    method: "POST",
    surface: "esb",
    needs: "operate",
    build: ({ bizId, hostIp }) => ({
      path: `${V2}/job/manage_proc/`,
      body: { bk_biz_id: bizId, op_type: 2, process_infos: [{ proc_name: "mx-esb", proc_owner: "root", setup_path: SPEC.identity.setup_path, pid_path: SPEC.identity.pid_path, ip_list: [{ bk_cloud_id: 0, ip: hostIp }] }] },
    }),
  },
  {
    route: `${V2}/job/get_proc_result`,
    method: "POST",
    surface: "esb",
    needs: "view",
    build: ({ bizId, taskId }) => ({ path: `${V2}/job/get_proc_result/`, body: { bk_biz_id: bizId, bk_gse_taskid: taskId } }),
  },
  {
    route: `${V2}/job/get_proc_result`,
    method: "GET",
    surface: "esb",
    needs: "view",
    build: ({ bizId, taskId }) => ({ path: `${V2}/job/get_proc_result/?bk_biz_id=${bizId}&bk_gse_taskid=${encodeURIComponent(taskId)}` }),
  },
];
