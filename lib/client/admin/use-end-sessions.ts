"use client";
// Ending sessions from the account page and from a user's admin page: one session by id, or the whole
// set (no id), with the pending one tracked so its button shows progress and the others wait.
import { useState } from "react";
import type { UseMutationResult } from "@tanstack/react-query";
import { useT } from "@/lib/client/i18n/lang-context";
import { useToast } from "@/lib/client/toast";

/** the pending id while the whole set is being ended */
export const EVERY_SESSION = "*";

type TEndSessionsMutation = UseMutationResult<{ revoked: number }, Error, string | undefined>;

export function useEndSessions(revoke: TEndSessionsMutation) {
  const t = useT();
  const { showToast } = useToast();
  const [pendingId, setPendingId] = useState<string | null>(null);
  const end = (sessionId?: string) => {
    setPendingId(sessionId ?? EVERY_SESSION);
    revoke.mutate(sessionId, {
      onSuccess: ({ revoked }) => showToast(t("adminSessionsRevoked", { count: revoked })),
      onError: (error) => showToast(error.message, "error"),
      onSettled: () => setPendingId(null),
    });
  };
  return { pendingId, end };
}
