// Console text for role-aware controls and permission notices, in English and Chinese.
import type { TLocalText } from "@/lib/i18n";

export const ROLES_MESSAGES = {} as const satisfies Record<string, TLocalText>;
