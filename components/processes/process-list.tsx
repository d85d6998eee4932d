"use client";
// The process list of one business. Everything a user can change about the view (search, module
// filter, sort, page, page size, columns) lives in the URL; the rows come from one TanStack query.
import dynamic from "next/dynamic";
import { useCallback, useState } from "react";
import { useBizAbilities } from "@/components/console/biz-abilities";
import { LinkButton, Button } from "@/components/ui/button";
import { EmptyState, ErrorNotice } from "@/components/ui/notice";
import { Pagination } from "@/components/ui/pagination";
import { ProcessListToolbar } from "@/components/processes/process-list-toolbar";
import { ProcessTable } from "@/components/processes/process-table";
import { LiveStateBadge } from "@/components/operations/live-state-badge";
import { useProcessLiveStates } from "@/lib/client/operations/live-states";
import { useT } from "@/lib/client/i18n/lang-context";
import { useProcessList } from "@/lib/client/processes/queries";
import { useUrlQuery } from "@/lib/client/use-url-state";
import { PAGE_SIZES, readProcessListView, writeProcessListView, type TProcessListView } from "@/lib/processes/process-list-view";

// loaded when first opened: its form and validation are not needed to show the list
const BatchEditDialog = dynamic(() => import("@/components/processes/batch-edit-dialog").then((module) => module.BatchEditDialog), { ssr: false });
// loaded the first time it opens, like Batch edit: neither belongs in the list's first-load JS
const BulkOperateDialog = dynamic(() => import("@/components/operations/bulk-operate-dialog").then((module) => module.BulkOperateDialog), { ssr: false });

export function ProcessList({ bizId, businessName }: { bizId: number; businessName: string }) {
  const t = useT();
  const [query, setQuery] = useUrlQuery();
  const view = readProcessListView(query);
  const list = useProcessList(bizId, view);
  const liveStates = useProcessLiveStates(bizId, list.data?.rows.map((row) => row.bk_process_id) ?? []);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [isBatchOpen, setIsBatchOpen] = useState(false);
  const [isOperateOpen, setIsOperateOpen] = useState(false);
  const [hasOpenedBatch, setHasOpenedBatch] = useState(false);
  // selection feeds Batch edit and Operate, so it is offered only to those who may do either
  const { canEdit, canOperate } = useBizAbilities();

  const viewKey = writeProcessListView(view).toString();
  const changeView = useCallback(
    (change: Partial<TProcessListView>, mode: "push" | "replace" = "push") => {
      const current = readProcessListView(new URLSearchParams(viewKey));
      setQuery(writeProcessListView({ ...current, ...change }), mode);
    },
    [viewKey, setQuery],
  );
  const select = (ids: number[], isSelected: boolean) => {
    const next = new Set(selected);
    for (const id of ids) {
      if (isSelected) next.add(id);
      else next.delete(id);
    }
    setSelected(next);
  };

  const openBatchEdit = () => {
    setHasOpenedBatch(true);
    setIsBatchOpen(true);
  };

  const hasFilters = view.q !== "" || view.module !== "" || view.state !== "";
  const isEmpty = list.data?.count === 0;

  return (
    <div className="space-y-3">
      <div className="flex items-baseline justify-between">
        <h1 className="text-lg font-semibold">
          {t("processes")} <span className="text-sm font-normal text-slate-500 dark:text-slate-400">· {businessName}</span>
        </h1>
        {!canEdit && <p className="text-xs text-slate-500 dark:text-slate-400">{t("readOnlyBusiness")}</p>}
      </div>
      <ProcessListToolbar bizId={bizId} view={view} onViewChange={changeView} selectedCount={selected.size} onBatchEdit={openBatchEdit} onOperate={() => setIsOperateOpen(true)} onClearSelection={() => setSelected(new Set())} />

      {list.isError && !list.data ? (
        <ErrorNotice title={t("listError")} message={list.error.message} retryLabel={t("retry")} onRetry={() => list.refetch()} />
      ) : (
        <div className="overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
          <div className={`overflow-x-auto transition-opacity ${list.isPlaceholderData ? "opacity-60" : ""}`} aria-busy={list.isFetching}>
            <ProcessTable
              bizId={bizId}
              caption={t("processTable", { business: businessName })}
              columns={view.cols}
              rows={list.data?.rows}
              skeletonRows={Math.min(view.size, 12)}
              sort={view.sort}
              onSort={(sort) => changeView({ sort, page: 1 })}
              isSelectable={canEdit || canOperate}
              selected={selected}
              onSelect={select}
              leadColumn={{ header: t("liveStateColumn"), render: (row) => <LiveStateBadge state={liveStates.data?.get(row.bk_process_id)} isPending={!liveStates.data && !liveStates.isError} /> }}
            />
          </div>
          {isEmpty &&
            (hasFilters ? (
              <EmptyState title={t("noResults")} hint={t("noResultsHint")}>
                <Button onClick={() => changeView({ q: "", module: "", state: "", page: 1 })}>{t("clearFilters")}</Button>
              </EmptyState>
            ) : (
              <EmptyState title={t("emptyBusiness")} hint={t(canEdit ? "emptyBusinessHint" : "emptyBusinessReadOnlyHint")}>
                {canEdit && (
                  <LinkButton href={`/biz/${bizId}/processes/new`} variant="primary">
                    {t("newProcess")}
                  </LinkButton>
                )}
              </EmptyState>
            ))}
          {list.isError && list.data && (
            <div className="border-t border-slate-200 p-2 dark:border-slate-800">
              <ErrorNotice title={t("listError")} message={list.error.message} retryLabel={t("retry")} onRetry={() => list.refetch()} />
            </div>
          )}
          <div className="border-t border-slate-200 px-3 py-2 dark:border-slate-800">
            <Pagination page={view.page} size={view.size} total={list.data?.count ?? 0} sizes={PAGE_SIZES} onChange={(change) => changeView(change)} />
          </div>
        </div>
      )}

      {canOperate && isOperateOpen && <BulkOperateDialog bizId={bizId} processIds={[...selected]} isOpen onClose={() => setIsOperateOpen(false)} />}
      {canEdit && hasOpenedBatch && <BatchEditDialog bizId={bizId} ids={[...selected]} isOpen={isBatchOpen} onClose={() => setIsBatchOpen(false)} onApplied={() => setSelected(new Set())} />}
    </div>
  );
}
