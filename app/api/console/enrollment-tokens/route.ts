// POST /api/console/enrollment-tokens  {ip?, cloudId?} → {token, expiresAt, installCommand}: a one-time
// agent enrolment token, shown once (only its hash is kept), with the one-line install for the host.
// Global administrators only: an agent token reaches every business its host serves.
import { z } from "zod";
import { consoleRoute } from "@/lib/api/console-route";
import { installCommand, readRequestPublicUrl } from "@/lib/operations/agent-distribution";
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
  handle: async ({ body, actor, req }) => {
    const cloudId = body.ip === undefined ? undefined : (body.cloudId ?? 0);
    const issued = await issueEnrollmentToken({ actor, ip: body.ip, cloudId });
    const publicUrl = readRequestPublicUrl(req);
    return { ...issued, installCommand: publicUrl ? installCommand(publicUrl, issued.token, { ip: body.ip, cloudId }) : null };
  },
});
