// Console text for the audit trail page, in English and Chinese.
import type { TLocalText } from "@/lib/i18n";

export const AUDIT_MESSAGES = {} as const satisfies Record<string, TLocalText>;
