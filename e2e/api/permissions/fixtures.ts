// What the permission matrix runs against: one business of its own (set "mx-set" → module "mx-mod" →
// one host), a process bound to it, a finished console task on that host, a second business the
// callers hold nothing in (except "app without role"), and every kind of caller. Also how each
// caller sends a request on each surface, and throw-away targets for destructive cases.
import { expect } from "vitest";
import type { TRole } from "@/lib/access/permissions";
import { cmdb, createBusiness, createProcess, createSet, expectSuccess, sql, uniqueName, BASE_URL } from "../support/cmdb-client";
import { createApp, signInAs, createUser, type TAppCredentials } from "../support/principals";
import { waitFor } from "../support/agent-harness";
import { insertHost } from "../access/access-support";
import type { TBuiltRequest, THttpMethod, TMatrixFixtures, TSurface } from "./route-case";

const MODULE_NAME = "mx-mod";

export type TCallerKind = "anonymous" | "user" | "app" | "agent";

export type TMatrixCaller = {
  name: string;
  kind: TCallerKind;
  /** the role in fixtures.bizId (users and apps); null: none there */
  role: TRole | null;
  isGlobalAdmin: boolean;
  /** the headers that identify the caller (cookie, app credentials or agent token) */
  identify: (method: THttpMethod) => Record<string, string>;
  /** users: a new session after a request ended theirs (sign-out) */
  signInAgain?: () => Promise<void>;
};

export type TMatrix = { fixtures: TMatrixFixtures; callers: TMatrixCaller[] };

/** Operable by the console: every command and path an operation may need. */
const OPERABLE = {
  work_path: "/tmp/procdeck-matrix",
  pid_file: "/tmp/procdeck-matrix/mx.pid",
  start_cmd: "true",
  stop_cmd: "true",
  restart_cmd: "true",
  reload_cmd: "true",
  face_stop_cmd: "true",
};

export async function createMatrix(): Promise<TMatrix> {
  const bizId = await createBusiness("mx");
  await createSet(bizId, "mx-set", [{ name: MODULE_NAME }]);
  const otherBizId = await createBusiness("mx-other");
  await createSet(otherBizId, "mx-set", [{ name: MODULE_NAME }]);
  const [module] = await sql<{ bk_module_id: number }>(`SELECT bk_module_id FROM module WHERE bk_biz_id = $1 AND bk_module_name = $2`, [bizId, MODULE_NAME]);
  const host = await insertHost("mx");
  await sql(`INSERT INTO host_module (bk_host_id, bk_module_id) VALUES ($1, $2)`, [host.hostId, module.bk_module_id]);

  const processId = await createProcess({ ...OPERABLE, bk_process_name: uniqueName("mx-proc") }, bizId);
  expectSuccess(await cmdb("PUT", `/api/v3/proc/module/0/${bizId}/${processId}/${MODULE_NAME}`));

  const callers: TMatrixCaller[] = [{ name: "anonymous", kind: "anonymous", role: null, isGlobalAdmin: false, identify: () => ({}) }];
  for (const role of ["viewer", "operator", "admin"] as const) callers.push(await userCaller(`console ${role}`, { roles: [{ bizId, role }] }, role));
  const globalAdmin = await userCaller("global admin", { isGlobalAdmin: true }, null);
  callers.push(globalAdmin);
  for (const role of ["viewer", "operator", "admin"] as const) callers.push(appCaller(`app ${role}`, await createApp([{ bizId, role }]), role));
  callers.push(appCaller("app without role", await createApp([{ bizId: otherBizId, role: "admin" }]), null));

  const taskId = await createFinishedTask(globalAdmin, bizId, processId, host.hostId);
  callers.push(await agentCaller(host.hostIp));

  return { fixtures: { bizId, otherBizId, processId, moduleName: MODULE_NAME, hostId: host.hostId, hostIp: host.hostIp, taskId }, callers };
}

async function userCaller(name: string, options: { roles?: { bizId: number; role: TRole }[]; isGlobalAdmin?: boolean }, role: TRole | null): Promise<TMatrixCaller> {
  const user = await createUser({ ...options, prefix: "mx-user" });
  let session = await signInAs(user.username, user.password, user.userId);
  return {
    name,
    kind: "user",
    role,
    isGlobalAdmin: options.isGlobalAdmin ?? false,
    identify: (method) => ({ cookie: session.cookieHeader, ...(method === "GET" ? {} : { "x-csrf-token": session.csrfToken }) }),
    signInAgain: async () => {
      session = await signInAs(user.username, user.password, user.userId);
    },
  };
}

function appCaller(name: string, app: TAppCredentials, role: TRole | null): TMatrixCaller {
  const header = JSON.stringify({ bk_app_code: app.code, bk_app_secret: app.secret, bk_username: "matrix" });
  return { name, kind: "app", role, isGlobalAdmin: false, identify: () => ({ "X-Bkapi-Authorization": header }) };
}

/** The matrix host's own agent, enrolled with the test enrolment secret (it never polls by itself). */
async function agentCaller(ip: string): Promise<TMatrixCaller> {
  const response = await fetch(`${BASE_URL}/api/agent/v1/enroll`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ enrollment_token: required("PROCDECK_TEST_ENROLL_SECRET"), bk_cloud_id: 0, ip, hostname: "mx-agent", version: "matrix" }),
  });
  const body = (await response.json()) as { ok: boolean; data: { agent_token: string } };
  expect(body.ok, JSON.stringify(body)).toBe(true);
  const token = body.data.agent_token;
  return { name: "agent", kind: "agent", role: null, isGlobalAdmin: false, identify: () => ({ authorization: `Bearer ${token}` }) };
}

/** A status operation on the matrix host; no agent answers, so its one row ends 117 (failed, retryable). */
async function createFinishedTask(admin: TMatrixCaller, bizId: number, processId: number, hostId: number): Promise<string> {
  const created = await sendAs(admin, "console", "POST", { path: `/api/console/businesses/${bizId}/processes/${processId}/operations`, body: { opType: 2, hostIds: [hostId] } });
  expect(created.status, created.text).toBe(201);
  const taskId = (created.body as { data: { taskId: string } } | null)?.data.taskId ?? "";
  await waitFor(
    async () => {
      const reply = await sendAs(admin, "console", "GET", { path: `/api/console/businesses/${bizId}/tasks/${encodeURIComponent(taskId)}` });
      return (reply.body as { data?: { isFinished?: boolean } } | null)?.data?.isFinished === true;
    },
    20_000,
    () => `matrix task ${taskId} did not finish`,
  );
  return taskId;
}

/** body: the parsed JSON, or null for a reply that is not JSON (a CSV download) */
export type TMatrixReply = { status: number; body: Record<string, unknown> | null; text: string; headers: Headers };

/** One request as `caller`: its identity, JSON in and out, and the Origin a console page would send. */
export async function sendAs(caller: TMatrixCaller, surface: TSurface, method: THttpMethod, request: TBuiltRequest): Promise<TMatrixReply> {
  if (method === "GET" && request.body !== undefined) throw new Error(`GET ${request.path}: a GET case carries its parameters in the path`);
  const headers: Record<string, string> = { HTTP_BLUEKING_LANGUAGE: "en", "accept-language": "en", ...caller.identify(method) };
  if (surface === "console" || surface === "public") headers.origin = BASE_URL;
  if (request.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${BASE_URL}${request.path}`, { method, headers, body: request.body === undefined ? undefined : JSON.stringify(request.body) });
  const text = await response.text();
  const isJson = /^application\/json/.test(response.headers.get("content-type") ?? "");
  return { status: response.status, body: isJson ? (JSON.parse(text) as Record<string, unknown>) : null, text, headers: response.headers };
}

/** Did this reply end the caller's session (the session cookie cleared)? */
export function hasEndedSession(reply: TMatrixReply): boolean {
  return reply.headers.getSetCookie().some((cookie) => /^procdeck_session=;/.test(cookie) || (/^procdeck_session=/.test(cookie) && /max-age=0/i.test(cookie)));
}

// ------------------------------------------------------------------ throw-away targets for cases

/** A fresh process of `bizId` (straight in the database), bound to `boundTo` when given. */
export async function insertThrowawayProcess(bizId: number, options: { boundTo?: string } = {}): Promise<number> {
  const [row] = await sql<{ bk_process_id: number }>(`INSERT INTO process (bk_biz_id, bk_process_name, bk_func_name) VALUES ($1, $2, 'mx') RETURNING bk_process_id`, [
    bizId,
    uniqueName("mx-throwaway"),
  ]);
  if (options.boundTo) await sql(`INSERT INTO process_module_binding (bk_biz_id, bk_process_id, bk_module_name) VALUES ($1, $2, $3)`, [bizId, row.bk_process_id, options.boundTo]);
  return row.bk_process_id;
}

/**
 * A fresh finished console task of `processId` with one failed row on `hostId`, straight in the
 * database: a task is retried once, so every allowed caller of the retry case needs its own.
 */
export async function insertThrowawayFailedTask(bizId: number, processId: number, hostId: number, hostIp: string): Promise<string> {
  const taskId = `GSETASK:20261201000000:${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const [process] = await sql<{ bk_process_name: string }>(`SELECT bk_process_name FROM process WHERE bk_process_id = $1`, [processId]);
  await sql(`INSERT INTO task (id, source, op_type, bk_biz_id, requested_by, bk_process_id, row_count, finished_at) VALUES ($1, 'console', 2, $2, 'matrix', $3, 1, now())`, [taskId, bizId, processId]);
  await sql(
    `INSERT INTO task_row (task_id, bk_host_id, bk_cloud_id, ip, namespace, name, op_type, spec, code, message, finished_at)
     VALUES ($1, $2, 0, $3, $4, $5, 2, '{}'::jsonb, 117, 'no agent', now())`,
    [taskId, hostId, hostIp, `GSEKIT_BIZ_${bizId}`, process.bk_process_name],
  );
  return taskId;
}

/** The process's current revision (the console's PATCH sends it back). */
export async function revisionOf(processId: number): Promise<number> {
  const [row] = await sql<{ revision: number }>(`SELECT revision FROM process WHERE bk_process_id = $1`, [processId]);
  return row.revision;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the API tests through \`npm test\``);
  return value;
}
