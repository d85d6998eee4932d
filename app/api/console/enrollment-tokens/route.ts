// POST /api/console/enrollment-tokens  {ip?, cloudId?} → {token, expiresAt}: a one-time agent enrolment
// token, shown once (only its hash is kept). Global administrators only: an agent token reaches every business its host serves.
import { z } from "zod";
import { consoleRoute } from "@/lib/api/console-route";
import { issueEnrollmentToken } from "@/lib/operations/issue-enrollment-token";

const ZIssueToken = z.strictObject({
  ip: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,3}){3}$/, "an IPv4 address")
    .optional(),
  cloudId: z.number().int().min(0).max(2_147_483_647).optional(),
});

export const POST = consoleRoute({
  access: "global-admin",
  body: ZIssueToken,
  status: 201,
  handle: ({ body, actor }) => issueEnrollmentToken({ actor, ip: body.ip, cloudId: body.ip === undefined ? undefined : (body.cloudId ?? 0) }),
});
