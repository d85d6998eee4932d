// The TanStack Query key of the signed-in user's own account (kept apart from the hooks so a server
// page can prefetch under it).
export const accountKeys = { account: () => ["account"] as const };
