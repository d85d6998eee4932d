// The console pages the benchmark opens, with real ids from the demo data: the first process that
// has hosts, a task made by operating it (the demo hosts have no agent, so it ends at once), the
// admin user and the benchmark's API app. Everything through the console API, as the admin.
import type { APIRequestContext } from "@playwright/test";

export type TBenchPage = { name: string; path: string };

type TEnvelope<T> = { ok: boolean; data: T; error?: { message: string } };

const BIZ = 2; // the demo business

export async function preparePages(api: APIRequestContext): Promise<TBenchPage[]> {
  const read = async <T>(path: string, init?: { method: "POST"; data: unknown; headers: Record<string, string> }): Promise<T> => {
    const response = init ? await api.post(path, { data: init.data, headers: init.headers }) : await api.get(path);
    const body = (await response.json()) as TEnvelope<T>;
    if (!body.ok) throw new Error(`${path}: ${body.error?.message ?? response.status()}`);
    return body.data;
  };
  const csrf = (await api.storageState()).cookies.find((cookie) => cookie.name === "procdeck_csrf")?.value ?? "";

  const list = await read<{ rows: { bk_process_id: number }[] }>(`/api/console/businesses/${BIZ}/processes?size=50`);
  let processId: number | undefined;
  let taskId: string | undefined;
  for (const { bk_process_id: id } of list.rows) {
    const hosts = await read<{ hostId: number }[]>(`/api/console/businesses/${BIZ}/processes/${id}/operation-hosts`);
    if (!hosts.length) continue;
    processId ??= id;
    // status (op 4) needs no command beyond the ones every demo process has; others are tried in turn
    for (const opType of [4, 0, 1]) {
      const response = await api.post(`/api/console/businesses/${BIZ}/processes/${id}/operations`, { data: { opType, hostIds: hosts.map((host) => host.hostId) }, headers: { "x-csrf-token": csrf } });
      const body = (await response.json()) as TEnvelope<{ taskId: string }>;
      if (body.ok) {
        taskId = body.data.taskId;
        break;
      }
    }
    if (taskId) break;
  }
  if (processId === undefined || taskId === undefined) throw new Error("the demo data has no process with hosts that an operation accepts");

  const userId = (await read<{ users: { id: number }[] }>("/api/console/admin/users")).users[0]?.id;
  const appId = (await read<{ id: number }[]>("/api/console/admin/apps"))[0]?.id;
  if (userId === undefined || appId === undefined) throw new Error("no user or API app to open");

  const biz = `/biz/${BIZ}`;
  return [
    { name: "process list", path: `${biz}/processes` },
    { name: "process detail", path: `${biz}/processes/${processId}` },
    { name: "process edit", path: `${biz}/processes/${processId}/edit` },
    { name: "process create", path: `${biz}/processes/new` },
    { name: "topology", path: `${biz}/topology` },
    { name: "hosts", path: `${biz}/hosts` },
    { name: "task history", path: `${biz}/tasks` },
    { name: "task detail", path: `${biz}/tasks/${taskId}` },
    { name: "audit", path: "/audit" },
    { name: "admin users", path: "/admin/users" },
    { name: "admin user", path: `/admin/users/${userId}` },
    { name: "admin apps", path: "/admin/apps" },
    { name: "admin app", path: `/admin/apps/${appId}` },
    { name: "admin businesses", path: "/admin/businesses" },
    { name: "account", path: "/account" },
  ];
}
