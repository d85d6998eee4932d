"use client";
// One user for a global administrator: profile and flags, roles per business, password reset and
// live sessions. Nobody can take their own global admin flag or disable themselves (the server
// refuses too), so the console always keeps an administrator.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { FOCUS_RING } from "@/components/ui/focus-ring";
import { ErrorNotice } from "@/components/ui/notice";
import { SkeletonLines } from "@/components/ui/skeleton";
import { RoleGrantsEditor } from "@/components/admin/role-grants-editor";
import { Section } from "@/components/admin/section";
import { UserPasswordSection } from "@/components/admin/users/user-password-section";
import { UserProfileSection } from "@/components/admin/users/user-profile-section";
import { UserSessionsSection } from "@/components/admin/users/user-sessions-section";
import { useRevokeUserRole, useSetUserRole } from "@/lib/client/admin/user-mutations";
import { useUserDetail } from "@/lib/client/admin/user-queries";
import { useT } from "@/lib/client/i18n/lang-context";

export function UserDetail({ userId, currentUserId }: { userId: number; currentUserId: number }) {
  const t = useT();
  const detail = useUserDetail(userId);
  const setRole = useSetUserRole(userId);
  const revokeRole = useRevokeUserRole(userId);
  const isSelf = userId === currentUserId;

  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <Link href="/admin/users" className={`inline-block rounded text-sm text-blue-700 hover:underline dark:text-blue-400 ${FOCUS_RING}`}>
        ← {t("adminBackToUsers")}
      </Link>
      {detail.isError && !detail.data ? (
        <ErrorNotice title={t("adminUserError")} message={detail.error.message} retryLabel={t("retry")} onRetry={() => detail.refetch()} />
      ) : !detail.data ? (
        <SkeletonLines lines={8} label={t("loading")} />
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-lg font-semibold">{detail.data.user.username}</h1>
            {detail.data.user.displayName && <span className="text-sm text-slate-500 dark:text-slate-400">{detail.data.user.displayName}</span>}
            {isSelf && <Badge tone="blue">{t("adminThisIsYou")}</Badge>}
            {detail.data.user.isGlobalAdmin && <Badge tone="amber">{t("adminGlobalAdmin")}</Badge>}
            {detail.data.user.isDisabled ? <Badge tone="red">{t("adminDisabled")}</Badge> : <Badge tone="green">{t("adminActive")}</Badge>}
            {detail.data.user.mustChangePassword && <Badge tone="amber">{t("adminMustChangePassword")}</Badge>}
          </div>
          <UserProfileSection user={detail.data.user} isSelf={isSelf} />
          <Section title={t("adminRolesTitle")} description={detail.data.user.isGlobalAdmin ? t("adminRolesGlobalAdminNote") : t("adminRolesDescription")}>
            <RoleGrantsEditor
              grants={detail.data.grants}
              subjectName={detail.data.user.username}
              onSet={(bizId, role) => setRole.mutateAsync({ bizId, role })}
              onRevoke={(bizId) => revokeRole.mutateAsync(bizId)}
            />
          </Section>
          <UserPasswordSection user={detail.data.user} isSelf={isSelf} />
          <UserSessionsSection userId={userId} username={detail.data.user.username} sessions={detail.data.sessions} />
        </>
      )}
    </div>
  );
}
