// "A host belongs to one business at a time" spans businesses, so every change of host placement
// (and every deletion of modules that could hold hosts) takes one transaction-scoped advisory lock.
// Placement changes are rare admin actions; serialising them costs nothing noticeable.
import "server-only";
import type { TTx } from "@/lib/core/db";

/** Arbitrary, fixed: the advisory lock key of host placement. */
const HOST_PLACEMENT_LOCK = 7_362_001;

export async function lockHostPlacement(tx: TTx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${HOST_PLACEMENT_LOCK})`;
}
