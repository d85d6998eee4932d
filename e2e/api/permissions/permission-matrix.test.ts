// Every API route × every kind of caller, from one table (cases/*.ts): allowed callers get a success
// in the surface's envelope, the others 401 (not an identity this surface knows) or 403 (known, but
// without the role) in that envelope. Console users are strangers to the CMDB / ESB / agent surfaces,
// apps and agents to the console.
import { beforeAll, describe, expect, it } from "vitest";
import { ROLES, type TRole } from "@/lib/access/permissions";
import { expectNoLeak } from "../support/cmdb-client";
import { loadRouteCases, type TLoadedCase } from "./coverage-support";
import { createMatrix, hasEndedSession, sendAs, type TMatrix, type TMatrixCaller, type TMatrixReply } from "./fixtures";
import type { TSurface } from "./route-case";

/** The callers by name, in the order the matrix shows them; createMatrix makes the same list. */
const CALLER_NAMES = ["anonymous", "console viewer", "console operator", "console admin", "global admin", "app viewer", "app operator", "app admin", "app without role", "agent"];

const cases = await loadRouteCases();

let matrix: TMatrix;
beforeAll(async () => {
  matrix = await createMatrix();
  expect(matrix.callers.map((caller) => caller.name)).toEqual(CALLER_NAMES);
}, 60_000);

type TExpected = "allowed" | 401 | 403;

/** Who passes: the one rule the table is checked against. */
function expectedFor(routeCase: TLoadedCase, caller: TMatrixCaller): TExpected {
  switch (routeCase.needs) {
    case "public":
      return "allowed";
    case "agent":
      return caller.kind === "agent" ? "allowed" : 401;
    case "signed-in":
      return caller.kind === "user" ? "allowed" : 401;
    case "global-admin":
      return caller.kind !== "user" ? 401 : caller.isGlobalAdmin ? "allowed" : 403;
    default: {
      // business roles: users on the console, apps on the CMDB and ESB surfaces
      const holder = routeCase.surface === "console" ? "user" : "app";
      if (caller.kind !== holder) return 401;
      return caller.isGlobalAdmin || isAtLeast(caller.role, ROLE_FOR[routeCase.needs]) ? "allowed" : 403;
    }
  }
}

const ROLE_FOR: Record<"view" | "operate" | "edit", TRole> = { view: "viewer", operate: "operator", edit: "admin" };

function isAtLeast(role: TRole | null, needed: TRole): boolean {
  return role !== null && ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

const IDENTITY_CODE = { 401: 1199027, 403: 9900403 } as const;

function expectAllowed(routeCase: TLoadedCase, reply: TMatrixReply) {
  expect(reply.status, `${reply.status} ${reply.text}`).not.toBe(401);
  expect(reply.status, `${reply.status} ${reply.text}`).not.toBe(403);
  if (routeCase.note) {
    // an allowed call that legitimately answers something else (see the case's note): not refused
    // for who the caller is, and in the surface's envelope
    expect(reply.status, reply.text).toBeLessThan(500);
    expectEnvelope(routeCase.surface, reply);
    return;
  }
  expect(reply.status, reply.text).toBeGreaterThanOrEqual(200);
  expect(reply.status, reply.text).toBeLessThan(300);
  expectSuccessEnvelope(routeCase.surface, reply);
}

function expectSuccessEnvelope(surface: TSurface, reply: TMatrixReply) {
  const body = reply.body;
  if (body === null) {
    // a download (CSV export): a success is its 2xx, anything but a page
    expect(reply.headers.get("content-type") ?? "", reply.text).not.toMatch(/html/);
    return;
  }
  if (surface === "console" || surface === "agent") expect(body.ok, reply.text).toBe(true);
  if (surface === "cmdb") expect(body, reply.text).toMatchObject({ result: true, bk_error_code: 0 });
  if (surface === "esb") expect(body, reply.text).toMatchObject({ result: true, code: 0 });
}

function expectEnvelope(surface: TSurface, reply: TMatrixReply) {
  const body = reply.body;
  expect(body, `not JSON: ${reply.text.slice(0, 300)}`).not.toBeNull();
  if (body === null) return;
  if (surface === "console" || surface === "agent") expect(typeof body.ok, reply.text).toBe("boolean");
  if (surface === "cmdb") expect(Object.keys(body).sort(), reply.text).toEqual(["bk_error_code", "bk_error_msg", "data", "result"]);
  if (surface === "esb") expect(Object.keys(body).sort(), reply.text).toEqual(["code", "data", "message", "request_id", "result"]);
}

function expectRefused(surface: TSurface, status: 401 | 403, reply: TMatrixReply) {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.body, `a refusal that is not JSON: ${reply.text.slice(0, 300)}`).not.toBeNull();
  const code = IDENTITY_CODE[status];
  switch (surface) {
    case "console":
      expect(reply.body, reply.text).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });
      break;
    case "cmdb":
      expect(reply.body, reply.text).toEqual({ result: false, bk_error_code: code, bk_error_msg: expect.any(String), data: null });
      break;
    case "esb":
      expect(reply.body, reply.text).toMatchObject({ result: false, code, message: expect.any(String), data: null });
      expect(reply.body?.request_id).toEqual(expect.any(String));
      break;
    case "agent":
      expect(reply.body, reply.text).toMatchObject({ ok: false, error: { message: expect.any(String) } });
      break;
    case "public":
      throw new Error("a public route refused a caller");
  }
  expectNoLeak(reply.text);
}

const rows = cases.flatMap((routeCase) =>
  CALLER_NAMES.map((callerName) => ({ name: `${routeCase.method} ${routeCase.route} as ${callerName} (${routeCase.needs})`, routeCase, callerName })),
);

describe("permission matrix", () => {
  it("has cases to run", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(rows)("$name", async ({ routeCase, callerName }) => {
    const caller = matrix.callers.find((candidate) => candidate.name === callerName)!;
    const expected = expectedFor(routeCase, caller);
    const request = await routeCase.build(matrix.fixtures);
    const reply = await sendAs(caller, routeCase.surface, routeCase.method, request);
    if (caller.kind === "user" && hasEndedSession(reply)) await caller.signInAgain?.();
    if (expected === "allowed") expectAllowed(routeCase, reply);
    else expectRefused(routeCase.surface, expected, reply);
  });
});

