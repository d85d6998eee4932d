"use client";
// Every API app: code, what it may do where, when it was last used, and whether it is revoked.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { FOCUS_RING } from "@/components/ui/focus-ring";
import { EmptyState, ErrorNotice } from "@/components/ui/notice";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Cell, HeaderCell, Row, Table, TableHead } from "@/components/ui/table";
import { GrantBadges } from "@/components/admin/grant-badges";
import { Moment } from "@/components/admin/moment";
import { CreateAppButton } from "@/components/admin/apps/create-app-dialog";
import { useAppList } from "@/lib/client/admin/app-queries";
import { useT } from "@/lib/client/i18n/lang-context";

const COLUMNS = 6;

export function AppList() {
  const t = useT();
  const apps = useAppList();
  const linkClass = `rounded font-mono font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-400 ${FOCUS_RING}`;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold">{t("adminAppsTitle")}</h1>
        <p className="text-xs text-slate-600 dark:text-slate-400">{t("adminAppsSubtitle")}</p>
        <div className="ml-auto">
          <CreateAppButton />
        </div>
      </div>
      {apps.isError && !apps.data ? (
        <ErrorNotice title={t("adminAppsError")} message={apps.error.message} retryLabel={t("retry")} onRetry={() => apps.refetch()} />
      ) : (
        <div className="overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
          <div className="overflow-x-auto">
            <Table>
              <caption className="sr-only">{t("adminAppsTitle")}</caption>
              <TableHead>
                <tr>
                  <HeaderCell>{t("adminAppColumn")}</HeaderCell>
                  <HeaderCell>{t("adminRolesColumn")}</HeaderCell>
                  <HeaderCell>{t("adminStatusColumn")}</HeaderCell>
                  <HeaderCell>{t("adminLastUsedColumn")}</HeaderCell>
                  <HeaderCell>{t("adminSecretRotatedColumn")}</HeaderCell>
                  <HeaderCell>{t("adminCreatedColumn")}</HeaderCell>
                </tr>
              </TableHead>
              <tbody>
                {apps.data
                  ? apps.data.map((app) => (
                      <Row key={app.id} data-app-code={app.code} className={app.isRevoked ? "opacity-70" : ""}>
                        <Cell>
                          <Link href={`/admin/apps/${app.id}`} className={linkClass}>
                            {app.code}
                          </Link>
                          {app.description && <div className="max-w-xs truncate text-xs text-slate-500 dark:text-slate-400">{app.description}</div>}
                        </Cell>
                        <Cell>
                          <GrantBadges grants={app.grants} />
                        </Cell>
                        <Cell>{app.isRevoked ? <Badge tone="red">{t("adminRevoked")}</Badge> : <Badge tone="green">{t("adminActive")}</Badge>}</Cell>
                        <Cell className="text-xs">
                          <Moment iso={app.lastUsedAt} fallbackKey="adminNever" />
                        </Cell>
                        <Cell className="text-xs">
                          <Moment iso={app.secretRotatedAt} fallbackKey="adminNever" />
                        </Cell>
                        <Cell className="text-xs">
                          {app.createdBy || t("notSet")} · <Moment iso={app.createdAt} />
                        </Cell>
                      </Row>
                    ))
                  : <SkeletonRows rows={4} columns={COLUMNS} />}
              </tbody>
            </Table>
          </div>
          {apps.data?.length === 0 && <EmptyState title={t("adminNoApps")} hint={t("adminNoAppsHint")} />}
        </div>
      )}
    </div>
  );
}
