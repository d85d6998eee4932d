// Console text for topology administration and agents, in English and Chinese.
import type { TLocalText } from "@/lib/i18n";

export const TOPOLOGY_MESSAGES = {} as const satisfies Record<string, TLocalText>;
