import { describe, expect, it } from "vitest";
import { decideEarlyReply, matchRoute, type TApiRoute } from "@/lib/api/early-reply";

const route = (pattern: string, methods: string[]): TApiRoute => ({ pattern, segments: pattern.split("/").filter(Boolean), methods });
const ROUTES = [
  route("/api/[...unknown]", ["GET", "POST", "PUT", "DELETE", "PATCH"]),
  route("/api/console/[...unknown]", ["GET", "POST", "PUT", "DELETE", "PATCH"]),
  route("/api/console/session", ["POST", "GET", "DELETE"]),
  route("/api/console/businesses/[bizId]/processes", ["GET", "POST"]),
  route("/api/[version]/proc/[account]/[bizId]", ["GET", "POST", "PUT", "DELETE", "PATCH"]),
  route("/api/healthz", ["GET"]),
];

describe("matchRoute", () => {
  it("ranks static segments before [param] before [...catchAll], as Next does", () => {
    expect(matchRoute("/api/console/session", ROUTES)?.pattern).toBe("/api/console/session");
    expect(matchRoute("/api/console/nothing/here", ROUTES)?.pattern).toBe("/api/console/[...unknown]");
    expect(matchRoute("/api/v3/proc/0/2", ROUTES)?.pattern).toBe("/api/[version]/proc/[account]/[bizId]");
    expect(matchRoute("/api/zzz", ROUTES)?.pattern).toBe("/api/[...unknown]");
    expect(matchRoute("/api/console/businesses/2/processes", ROUTES)?.pattern).toBe("/api/console/businesses/[bizId]/processes");
  });
});

describe("decideEarlyReply", () => {
  it("leaves what a route answers to Next, HEAD included where GET is", () => {
    expect(decideEarlyReply("POST", "/api/console/session", ROUTES)).toBeNull();
    expect(decideEarlyReply("HEAD", "/api/healthz", ROUTES)).toBeNull();
    expect(decideEarlyReply("GET", "/sign-in", ROUTES)).toBeNull();
  });

  it("answers a method the route lacks, or no route has, with 405 and Allow", () => {
    const patch = decideEarlyReply("PATCH", "/api/console/session", ROUTES);
    expect(patch).toMatchObject({ type: "failure", allow: "POST, GET, HEAD, DELETE, OPTIONS" });
    expect(patch?.type === "failure" && patch.error.kind).toBe("METHOD_NOT_ALLOWED");
    expect(decideEarlyReply("TRACE", "/api/healthz", ROUTES)).toMatchObject({ type: "failure", allow: "GET, HEAD, OPTIONS" });
    expect(decideEarlyReply("PROPFIND", "/api/nowhere", ROUTES)).toMatchObject({ type: "failure" });
    expect(decideEarlyReply("TRACE", "/", ROUTES)).toEqual({ type: "page-method", allow: "GET, HEAD" });
  });

  it("answers OPTIONS, /api itself and dot segments", () => {
    expect(decideEarlyReply("OPTIONS", "/api/healthz", ROUTES)).toEqual({ type: "options", allow: "GET, HEAD, OPTIONS" });
    expect(decideEarlyReply("GET", "/api", ROUTES)).toMatchObject({ type: "failure" });
    for (const path of ["/api/console/..", "/api/v3/proc/0/%2e%2e", "/api/./healthz"]) {
      const reply = decideEarlyReply("GET", path, ROUTES);
      expect(reply?.type === "failure" && reply.error.kind, path).toBe("BAD_PATH_PARAM");
    }
  });
});
