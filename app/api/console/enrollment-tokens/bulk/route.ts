// POST /api/console/enrollment-tokens/bulk  {ips: [...], cloudId?} → {tokens: [{ip, cloudId, token,
// expiresAt, installCommand}]}: one token per IP, all in one transaction. Global administrators only.
import { z } from "zod";
import { consoleRoute } from "@/lib/api/console-route";
import { installCommand, readRequestPublicUrl } from "@/lib/operations/agent-distribution";
import { issueEnrollmentTokens } from "@/lib/operations/issue-enrollment-token";

const ZIssueTokens = z.strictObject({
  ips: z
    .array(z.string().regex(/^\d{1,3}(\.\d{1,3}){3}$/, "an IPv4 address"))
    .min(1, "at least one IP")
    .max(500, "at most 500 IPs at once"),
  cloudId: z.number().int().min(0).max(2_147_483_647).default(0),
});

export const POST = consoleRoute({
  access: "global-admin",
  body: ZIssueTokens,
  status: 201,
  handle: async ({ body, actor, req }) => {
    const issued = await issueEnrollmentTokens({ actor, ips: body.ips, cloudId: body.cloudId });
    const publicUrl = readRequestPublicUrl(req);
    return { tokens: issued.map((entry) => ({ ...entry, installCommand: publicUrl ? installCommand(publicUrl, entry.token, entry) : null })) };
  },
});
