// The agent protocol (/api/agent/v1/...): poll and report need an agent token (console sessions and
// app credentials are refused); enrolment is open to anyone holding an enrolment token or the
// enrolment secret, which the body carries. Enrolment uses a fresh address per call, so it never
// replaces the matrix agent's own token; the poll does not wait, and the report carries no rows.
import type { TRouteCase } from "../route-case";

const AGENT = "/api/agent/v1";

function freshIp(): string {
  return `10.79.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
}

function enrollSecret(): string {
  const secret = process.env.PROCDECK_TEST_ENROLL_SECRET;
  if (!secret) throw new Error("PROCDECK_TEST_ENROLL_SECRET is not set: run the API tests through `npm test`");
  return secret;
}

export const AGENT_CASES: TRouteCase[] = [
  {
    route: `${AGENT}/enroll`,
    method: "POST",
    surface: "agent",
    needs: "public",
    build: () => ({ path: `${AGENT}/enroll`, body: { enrollment_token: enrollSecret(), bk_cloud_id: 0, ip: freshIp(), hostname: "mx-enroll", version: "matrix" } }),
  },
  { route: `${AGENT}/poll`, method: "POST", surface: "agent", needs: "agent", build: () => ({ path: `${AGENT}/poll`, body: { version: "matrix", waitMs: 0, managed: [] } }) },
  { route: `${AGENT}/report`, method: "POST", surface: "agent", needs: "agent", build: () => ({ path: `${AGENT}/report`, body: { results: [], events: [], managed: [] } }) },
];
