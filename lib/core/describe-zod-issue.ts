import type { z } from "zod";
import { text, type TLocalText } from "@/lib/core/i18n";

/** One zod issue as "<path> <reason>" in both languages, for request shapes that are not process attributes. */
export function describeZodIssue(issue: z.core.$ZodIssue): TLocalText {
  const at = issue.path.length ? issue.path.join(".") : "body";
  switch (issue.code) {
    case "unrecognized_keys":
      return text(`${at}: unknown parameter ${issue.keys.join(", ")}`, `${at}：不存在的参数 ${issue.keys.join(", ")}`);
    case "too_big":
      return text(`${at} must be at most ${issue.maximum}`, `${at} 不能大于 ${issue.maximum}`);
    case "too_small":
      return text(`${at} must be at least ${issue.minimum}`, `${at} 不能小于 ${issue.minimum}`);
    case "invalid_type":
      return text(`${at} must be ${article(issue.expected)}`, `${at} 的类型必须是 ${issue.expected}`);
    default:
      return text(`${at}: ${issue.message}`, `${at}：${issue.message}`);
  }
}

function article(expected: string) {
  return expected === "int" ? "an integer" : /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
