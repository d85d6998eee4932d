"use client";
// The audit trail: every change and operation the user may see, newest first, filtered by what the
// URL says (a shareable link), each entry opening to its before → after diff, and the same view as
// a CSV download.
import { useCallback } from "react";
import { AuditEntryRow, AUDIT_COLUMNS } from "@/components/audit/audit-entry-row";
import { AuditFilters } from "@/components/audit/audit-filters";
import { Button, buttonClass } from "@/components/ui/button";
import { EmptyState, ErrorNotice } from "@/components/ui/notice";
import { SkeletonRows } from "@/components/ui/skeleton";
import { HeaderCell, Table, TableHead } from "@/components/ui/table";
import { auditExportHref, EMPTY_AUDIT_VIEW, hasAuditFilters, readAuditView, writeAuditView, type TAuditView } from "@/lib/client/audit/audit-view";
import { useAuditEntries } from "@/lib/client/audit/queries";
import { useT } from "@/lib/client/i18n/lang-context";
import { useIsHydrated } from "@/lib/client/use-is-hydrated";
import { useUrlQuery } from "@/lib/client/use-url-state";

export function AuditTrail({ isGlobalAdmin }: { isGlobalAdmin: boolean }) {
  const t = useT();
  const [query, setQuery] = useUrlQuery();
  const view = readAuditView(query);
  const viewKey = writeAuditView(view).toString();
  const changeView = useCallback(
    (change: Partial<TAuditView>, mode: "push" | "replace" = "push") => {
      const current = readAuditView(new URLSearchParams(viewKey));
      setQuery(writeAuditView({ ...current, ...change }), mode);
    },
    [viewKey, setQuery],
  );
  const list = useAuditEntries(view);
  const entries = list.data?.pages.flatMap((page) => page.entries) ?? null;
  // the export link turns local times into instants: only the browser knows its time zone
  const isHydrated = useIsHydrated();

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-lg font-semibold">{t("auditTitle")}</h1>
          <p className="text-sm text-slate-500 dark:text-slate-400">{t("auditIntro")}</p>
        </div>
        <a
          href={isHydrated ? auditExportHref(view) : undefined}
          aria-disabled={!isHydrated}
          download
          title={t("auditExportHint")}
          className={buttonClass("secondary", "md", isHydrated ? "" : "pointer-events-none opacity-60")}
        >
          <span aria-hidden>⤓</span> {t("auditExport")}
        </a>
      </div>
      <AuditFilters view={view} isGlobalAdmin={isGlobalAdmin} onViewChange={changeView} />
      {list.isError && !list.data ? (
        <ErrorNotice title={t("auditError")} message={list.error.message} retryLabel={t("retry")} onRetry={() => list.refetch()} />
      ) : (
        <div className="overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
          <div className={`overflow-x-auto transition-opacity ${list.isPlaceholderData ? "opacity-60" : ""}`} aria-busy={list.isFetching}>
            <Table>
              <caption className="sr-only">{t("auditTable")}</caption>
              <TableHead>
                <tr>
                  <HeaderCell className="w-8">
                    <span className="sr-only">{t("auditChanges")}</span>
                  </HeaderCell>
                  <HeaderCell>{t("auditTime")}</HeaderCell>
                  <HeaderCell>{t("auditWho")}</HeaderCell>
                  <HeaderCell>{t("auditBusiness")}</HeaderCell>
                  <HeaderCell>{t("auditObject")}</HeaderCell>
                  <HeaderCell>{t("auditAction")}</HeaderCell>
                  <HeaderCell>{t("auditChanges")}</HeaderCell>
                </tr>
              </TableHead>
              <tbody>{entries ? entries.map((entry) => <AuditEntryRow key={entry.id} entry={entry} onFilter={changeView} />) : <SkeletonRows rows={10} columns={AUDIT_COLUMNS} />}</tbody>
            </Table>
          </div>
          {entries?.length === 0 &&
            (hasAuditFilters(view) ? (
              <EmptyState title={t("auditNoMatch")} hint={t("auditNoMatchHint")}>
                <Button onClick={() => changeView(EMPTY_AUDIT_VIEW)}>{t("clearFilters")}</Button>
              </EmptyState>
            ) : (
              <EmptyState title={t("auditEmpty")} hint={t("auditEmptyHint")} />
            ))}
          {list.isError && list.data && (
            <div className="border-t border-slate-200 p-2 dark:border-slate-800">
              <ErrorNotice title={t("auditError")} message={list.error.message} retryLabel={t("retry")} onRetry={() => list.refetch()} />
            </div>
          )}
          {entries && entries.length > 0 && (
            <div className="flex items-center justify-between gap-2 border-t border-slate-200 px-3 py-2 text-xs text-slate-500 dark:border-slate-800 dark:text-slate-400">
              <span aria-live="polite">{t("auditShownCount", { count: entries.length })}</span>
              {list.hasNextPage ? (
                <Button size="sm" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                  {list.isFetchingNextPage ? t("auditLoadingMore") : t("auditLoadMore")}
                </Button>
              ) : (
                <span>{t("auditEnd")}</span>
              )}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
