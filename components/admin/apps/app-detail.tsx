"use client";
// One API app for a global administrator: description, roles per business, the secret (rotate: the
// new one is shown once and the old one stops working at once) and revocation.
import Link from "next/link";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FOCUS_RING } from "@/components/ui/focus-ring";
import { Input } from "@/components/ui/input";
import { ErrorNotice, WarningNotice } from "@/components/ui/notice";
import { SkeletonLines } from "@/components/ui/skeleton";
import { AppSecretSection } from "@/components/admin/apps/app-secret-section";
import { Moment } from "@/components/admin/moment";
import { RoleGrantsEditor } from "@/components/admin/role-grants-editor";
import { Section } from "@/components/admin/section";
import type { TAppSummary } from "@/lib/access/apps/app-summary";
import { useRevokeAppRole, useSetAppRole, useUpdateApp } from "@/lib/client/admin/app-mutations";
import { useAppDetail } from "@/lib/client/admin/app-queries";
import { useT } from "@/lib/client/i18n/lang-context";
import { useToast } from "@/lib/client/toast";

export function AppDetail({ appId }: { appId: number }) {
  const t = useT();
  const detail = useAppDetail(appId);
  const setRole = useSetAppRole(appId);
  const revokeRole = useRevokeAppRole(appId);
  const app = detail.data?.app;

  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <Link href="/admin/apps" className={`inline-block rounded text-sm text-blue-700 hover:underline dark:text-blue-400 ${FOCUS_RING}`}>
        ← {t("adminBackToApps")}
      </Link>
      {detail.isError && !detail.data ? (
        <ErrorNotice title={t("adminAppError")} message={detail.error.message} retryLabel={t("retry")} onRetry={() => detail.refetch()} />
      ) : !detail.data || !app ? (
        <SkeletonLines lines={8} label={t("loading")} />
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="font-mono text-lg font-semibold">{app.code}</h1>
            {app.isRevoked ? <Badge tone="red">{t("adminRevoked")}</Badge> : <Badge tone="green">{t("adminActive")}</Badge>}
          </div>
          {app.isRevoked && app.revokedAt && (
            <WarningNotice title={t("adminAppRevokedNotice")}>
              <p>
                {t("adminRevokedAt")} <Moment iso={app.revokedAt} />
              </p>
            </WarningNotice>
          )}
          <AppFacts app={app} />
          <Section title={t("adminRolesTitle")} description={t("adminAppRolesDescription")}>
            <RoleGrantsEditor
              grants={detail.data.grants}
              subjectName={app.code}
              isReadOnly={app.isRevoked}
              onSet={(bizId, role) => setRole.mutateAsync({ bizId, role })}
              onRevoke={(bizId) => revokeRole.mutateAsync(bizId)}
            />
          </Section>
          <AppSecretSection app={app} />
        </>
      )}
    </div>
  );
}

function AppFacts({ app }: { app: TAppSummary }) {
  const t = useT();
  const id = useId();
  const { showToast } = useToast();
  const update = useUpdateApp(app.id);
  const [description, setDescription] = useState(app.description);
  const isChanged = description.trim() !== app.description;

  return (
    <Section title={t("adminAppFactsTitle")}>
      <div className="grid gap-4 md:grid-cols-2">
        <form
          className="space-y-1"
          onSubmit={(event) => {
            event.preventDefault();
            if (!isChanged) return;
            update.mutate({ description: description.trim() }, { onSuccess: () => showToast(t("adminSavedDescription")), onError: (error) => showToast(error.message, "error") });
          }}
        >
          <label htmlFor={`${id}-description`} className="text-xs font-medium text-slate-700 dark:text-slate-300">
            {t("adminAppDescription")}
          </label>
          <div className="flex gap-2">
            <Input id={`${id}-description`} value={description} maxLength={200} disabled={app.isRevoked} onChange={(event) => setDescription(event.target.value)} />
            <Button type="submit" disabled={!isChanged || update.isPending || app.isRevoked}>
              {t("adminSave")}
            </Button>
          </div>
        </form>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-500 dark:text-slate-400">{t("adminCreatedColumn")}</dt>
          <dd>
            {app.createdBy || t("notSet")} · <Moment iso={app.createdAt} />
          </dd>
          <dt className="text-slate-500 dark:text-slate-400">{t("adminLastUsedColumn")}</dt>
          <dd>
            <Moment iso={app.lastUsedAt} fallbackKey="adminNever" />
          </dd>
          <dt className="text-slate-500 dark:text-slate-400">{t("adminSecretRotatedColumn")}</dt>
          <dd>
            <Moment iso={app.secretRotatedAt} fallbackKey="adminNever" />
          </dd>
        </dl>
      </div>
    </Section>
  );
}
