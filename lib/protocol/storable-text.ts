// Text an agent sends that ends up in a jsonb parameter: PostgreSQL refuses NUL and a lone UTF-16
// surrogate there (command output has the one, a tail cut mid-emoji the other), and refusing a
// report would make its agent resend it forever. Both are dropped or replaced instead. Part of the
// protocol because the request schemas apply it (lib/protocol/agent-protocol.ts); the server also
// cleans request text it stores from elsewhere with it (lib/operations/create-task.ts).
import { z } from "zod";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function toStorableText(value: string): string {
  return value.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\uFFFD");
}

export function ZStorableText(max: number) {
  return z.string().max(max).transform(toStorableText);
}
