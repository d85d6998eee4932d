import { describe, expect, it } from "vitest";
import { ZAgentReply, ZManagedState, ZPollReply, ZPollRequest, ZProcSpec, ZReportRequest, MAX_WAIT_MS, OUTPUT_TAIL_BYTES } from "./agent-protocol";

const SPEC = { procName: "web", setupPath: "/srv/web", pidPath: "/srv/web/web.pid", user: "", startCmd: "./start.sh", stopCmd: "./stop.sh", restartCmd: "", reloadCmd: "", killCmd: "", autoType: 1, startCheckSecs: 5, startRetries: 4, startInterval: 10, opTimeout: 60 };
const STATE = { namespace: "demo", name: "web", spec: SPEC, isManaged: true, isRunning: true, pid: 4242, restartCount: 0, lastEvent: "started" };
const RESULT = { rowId: "17", code: 0, message: "running (pid 4242)", content: "", exitCode: 0, outputTail: "ok\n", pid: 4242, startedAt: "2026-01-01T12:00:00.000Z", finishedAt: "2026-01-01T12:00:05.000Z" };

function firstIssue(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  expect(result.success).toBe(false);
  return result.error!.issues[0];
}

describe("agent protocol", () => {
  it("has all 14 fields of a process spec", () => {
    expect(Object.keys(ZProcSpec.shape)).toHaveLength(14);
  });

  it("parses a valid report, filling absent lists and making text storable", () => {
    const report = ZReportRequest.parse({ results: [{ ...RESULT, outputTail: "\uDE42out\u0000put" }], managed: [STATE] });
    expect(report.events).toEqual([]);
    expect(report.results[0]).toEqual({ ...RESULT, outputTail: "\uFFFDoutput" });
    expect(report.managed).toEqual([STATE]);
    expect(ZReportRequest.parse({})).toEqual({ results: [], events: [], managed: [] });
  });

  it("refuses a result code that is not an integer, naming its path", () => {
    expect(firstIssue(ZReportRequest.safeParse({ results: [{ ...RESULT, code: 1.5 }] })).path).toEqual(["results", 0, "code"]);
    expect(firstIssue(ZReportRequest.safeParse({ results: [RESULT, { ...RESULT, code: "0" }] })).path).toEqual(["results", 1, "code"]);
  });

  it("refuses oversized fields and malformed ids or times, naming their path", () => {
    expect(firstIssue(ZReportRequest.safeParse({ results: [{ ...RESULT, message: "x".repeat(4001) }] })).path).toEqual(["results", 0, "message"]);
    expect(firstIssue(ZReportRequest.safeParse({ results: [{ ...RESULT, outputTail: "x".repeat(OUTPUT_TAIL_BYTES * 2 + 1) }] })).path).toEqual(["results", 0, "outputTail"]);
    expect(firstIssue(ZReportRequest.safeParse({ results: [{ ...RESULT, rowId: "1; DROP" }] })).path).toEqual(["results", 0, "rowId"]);
    expect(firstIssue(ZReportRequest.safeParse({ results: [{ ...RESULT, finishedAt: "yesterday" }] })).path).toEqual(["results", 0, "finishedAt"]);
    expect(firstIssue(ZReportRequest.safeParse({ managed: [{ ...STATE, namespace: "n".repeat(257) }] })).path).toEqual(["managed", 0, "namespace"]);
    expect(firstIssue(ZReportRequest.safeParse({ managed: [{ ...STATE, spec: { ...SPEC, user: undefined } }] })).path).toEqual(["managed", 0, "spec", "user"]);
    expect(firstIssue(ZReportRequest.safeParse({ events: [{ namespace: "demo", name: "web", kind: "exploded", message: "", pid: null, at: "" }] })).path).toEqual(["events", 0, "kind"]);
  });

  it("reads a poll with defaults and caps its wait", () => {
    expect(ZPollRequest.parse({})).toEqual({ version: "", waitMs: MAX_WAIT_MS, managed: [], stats: [], holding: [] });
    expect(firstIssue(ZPollRequest.safeParse({ waitMs: MAX_WAIT_MS + 1 })).path).toEqual(["waitMs"]);
    expect(ZManagedState.parse({ ...STATE, lastEvent: "a\u0000b" }).lastEvent).toBe("ab");
  });

  it("checks a reply in its envelope, passing unknown op types on to the agent (it answers 832)", () => {
    const work = [{ rowId: "17", opType: 5, namespace: "demo", name: "web", spec: SPEC }];
    expect(ZAgentReply(ZPollReply).parse({ ok: true, data: { work } })).toEqual({ ok: true, data: { work } });
    expect(ZAgentReply(ZPollReply).parse({ ok: false, error: { code: "FORBIDDEN", message: "revoked" } })).toMatchObject({ ok: false });
    expect(firstIssue(ZAgentReply(ZPollReply).safeParse({ ok: true, data: { work: [{ ...work[0], spec: { ...SPEC, pidPath: 1 } }] } })).path).toEqual(["data", "work", 0, "spec", "pidPath"]);
  });
});
