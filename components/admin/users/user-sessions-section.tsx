"use client";
// A user's live sessions for an administrator: end one, or all of them.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toaster";
import { Section } from "@/components/admin/section";
import { SessionsTable } from "@/components/admin/sessions-table";
import type { TSessionView } from "@/lib/access/sessions/list-user-sessions";
import { useRevokeUserSessions } from "@/lib/client/admin/user-mutations";
import { useT } from "@/lib/client/i18n/lang-context";

export function UserSessionsSection({ userId, username, sessions }: { userId: number; username: string; sessions: TSessionView[] }) {
  const t = useT();
  const { showToast } = useToast();
  const revoke = useRevokeUserSessions(userId);
  const [pendingId, setPendingId] = useState<string | null>(null);

  const end = (sessionId?: string) => {
    setPendingId(sessionId ?? "all");
    revoke.mutate(sessionId, {
      onSuccess: ({ revoked }) => showToast(t("adminSessionsRevoked", { count: revoked })),
      onError: (error) => showToast(error.message, "error"),
      onSettled: () => setPendingId(null),
    });
  };

  return (
    <Section
      title={t("adminSessionsTitle")}
      description={t("adminSessionsDescription")}
      actions={
        sessions.length > 0 && (
          <Button variant="danger" size="sm" disabled={pendingId !== null} onClick={() => end()}>
            {pendingId === "all" ? t("adminRevoking") : t("adminRevokeAllSessions")}
          </Button>
        )
      }
    >
      <SessionsTable sessions={sessions} caption={t("adminSessionsOf", { name: username })} pendingId={pendingId} onRevoke={end} />
    </Section>
  );
}
