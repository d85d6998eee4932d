// Console text for user, app and session administration, in English and Chinese.
import type { TLocalText } from "@/lib/i18n";

export const ADMIN_MESSAGES = {} as const satisfies Record<string, TLocalText>;
