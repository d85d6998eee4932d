import type { z } from "zod";
import { ApiError } from "@/lib/core/errors";
import { describeZodIssue } from "@/lib/core/describe-zod-issue";
import { VALID_OP_TYPES } from "@/lib/protocol/op-types";
import { text } from "@/lib/core/i18n";

/**
 * Parses an operation request; the first problem, named by its path, is the 1199006 reply. `at`
 * prefixes that path when the object sits inside a larger request (`proc_operate_req.3`).
 */
export function parseEsbInput<TSchema extends z.ZodType>(schema: TSchema, body: unknown, at?: string): z.infer<TSchema> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ApiError("OUT_OF_RANGE", describeZodIssue(at ? { ...issue, path: [at, ...issue.path] } : issue));
}

export function assertOpType(opType: unknown, allowed: readonly number[] = VALID_OP_TYPES, field = "op_type"): number {
  if (typeof opType === "number" && allowed.includes(opType)) return opType;
  throw new ApiError("OUT_OF_RANGE", text(`${field} must be one of ${allowed.join(", ")}, got ${JSON.stringify(opType)}; nothing was queued`, `${field} 必须是 ${allowed.join(", ")} 之一，实际为 ${JSON.stringify(opType)}；未创建任务`));
}
