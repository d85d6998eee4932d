"use client";
// A user's live sessions for an administrator: end one, or all of them.
import { Button } from "@/components/ui/button";
import { Section } from "@/components/admin/section";
import { SessionsTable } from "@/components/admin/sessions-table";
import type { TSessionView } from "@/lib/access/sessions/list-user-sessions";
import { useRevokeUserSessions } from "@/lib/client/admin/user-mutations";
import { EVERY_SESSION, useEndSessions } from "@/lib/client/admin/use-end-sessions";
import { useT } from "@/lib/client/i18n/lang-context";

export function UserSessionsSection({ userId, username, sessions }: { userId: number; username: string; sessions: TSessionView[] }) {
  const t = useT();
  const { pendingId, end } = useEndSessions(useRevokeUserSessions(userId));

  return (
    <Section
      title={t("adminSessionsTitle")}
      description={t("adminSessionsDescription")}
      actions={
        sessions.length > 0 && (
          <Button variant="danger" size="sm" disabled={pendingId !== null} onClick={() => end()}>
            {pendingId === EVERY_SESSION ? t("adminRevoking") : t("adminRevokeAllSessions")}
          </Button>
        )
      }
    >
      <SessionsTable sessions={sessions} caption={t("adminSessionsOf", { name: username })} pendingId={pendingId} onRevoke={end} />
    </Section>
  );
}
