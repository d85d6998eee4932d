"use client";
// The signed-in user's own account: who they are and what they may do, their password (which they
// must change first when an administrator set it), and their sessions.
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, LinkButton } from "@/components/ui/button";
import { ErrorNotice, WarningNotice } from "@/components/ui/notice";
import { SkeletonLines } from "@/components/ui/skeleton";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { GrantBadges } from "@/components/admin/grant-badges";
import { Section } from "@/components/admin/section";
import { SessionsTable } from "@/components/admin/sessions-table";
import { useAccount, useRevokeOwnSessions } from "@/lib/client/account/queries";
import { EVERY_SESSION, useEndSessions } from "@/lib/client/admin/use-end-sessions";
import { useT } from "@/lib/client/i18n/lang-context";

/** `next`: where the user was going when they were sent here to change their password. */
export function AccountView({ next }: { next: string | null }) {
  const t = useT();
  const account = useAccount();
  const [hasChanged, setHasChanged] = useState(false);

  if (account.isError && !account.data) return <ErrorNotice title={t("accountError")} message={account.error.message} retryLabel={t("retry")} onRetry={() => account.refetch()} />;
  if (!account.data) return <SkeletonLines lines={8} label={t("loading")} />;
  const { data } = account;

  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-lg font-semibold">{t("accountTitle")}</h1>
        <span className="text-sm text-slate-500 dark:text-slate-400">
          {data.username}
          {data.displayName && ` · ${data.displayName}`}
        </span>
      </div>
      {data.mustChangePassword && (
        <WarningNotice title={t("accountMustChangeTitle")}>
          <p>{t("accountMustChangeBody")}</p>
        </WarningNotice>
      )}
      {hasChanged && !data.mustChangePassword && next && (
        <div role="status" className="flex flex-wrap items-center gap-3 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950/60 dark:text-emerald-100">
          <span className="font-medium">{t("accountPasswordChangedContinue")}</span>
          <LinkButton href={next} variant="primary" size="sm">
            {t("accountContinue")}
          </LinkButton>
        </div>
      )}
      <Section title={t("accountAccessTitle")} description={data.isGlobalAdmin ? t("accountGlobalAdminNote") : t("accountAccessDescription")}>
        <GrantBadges grants={data.grants} isGlobalAdmin={data.isGlobalAdmin} />
      </Section>
      <Section title={t("accountPasswordTitle")}>
        <ChangePasswordForm username={data.username} onChanged={() => setHasChanged(true)} />
      </Section>
      <OwnSessions sessions={data.sessions} />
    </div>
  );
}

function OwnSessions({ sessions }: { sessions: NonNullable<ReturnType<typeof useAccount>["data"]>["sessions"] }) {
  const t = useT();
  const { pendingId, end } = useEndSessions(useRevokeOwnSessions());
  const others = sessions.filter((session) => !session.isCurrent).length;

  return (
    <Section
      title={t("accountSessionsTitle")}
      description={t("accountSessionsDescription")}
      actions={
        <>
          <Badge>{t("accountOtherSessions", { count: others })}</Badge>
          {others > 0 && (
            <Button size="sm" variant="danger" disabled={pendingId !== null} onClick={() => end()}>
              {pendingId === EVERY_SESSION ? t("adminRevoking") : t("accountSignOutOthers")}
            </Button>
          )}
        </>
      }
    >
      <SessionsTable sessions={sessions} caption={t("accountSessionsTitle")} pendingId={pendingId} onRevoke={end} isCurrentKept />
    </Section>
  );
}
