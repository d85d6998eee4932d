"use client";
// Businesses, for global administrators: each with how much it holds (sets, modules, hosts,
// processes), create, rename and delete. Deletion is offered for every business but refused by the
// server while it still holds anything; the dialog then shows what is in the way.
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FOCUS_RING } from "@/components/ui/focus-ring";
import { EmptyState, ErrorNotice } from "@/components/ui/notice";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Cell, HeaderCell, Row, Table, TableHead } from "@/components/ui/table";
import { RefusalNotice } from "@/components/topology/refusal-notice";
import { NameDialog } from "@/components/topology/name-dialog";
import { DispatchDialog } from "@/components/topology/dispatch-dialog";
import { formatDateTime } from "@/lib/client/i18n/fill-message";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { useTimeZone } from "@/lib/client/i18n/time-zone-context";
import { useToast } from "@/lib/client/toast";
import { useCreateBusiness, useDeleteBusiness, useRenameBusiness } from "@/lib/client/topology/business-mutations";
import { useBusinessOverview } from "@/lib/client/topology/tree-queries";
import type { TBusinessOverview } from "@/lib/topology/list-business-overview";

type TDialog = { kind: "create" } | { kind: "rename" | "delete" | "dispatch"; business: TBusinessOverview } | null;

export function BusinessAdmin() {
  const t = useT();
  const { lang } = useLang();
  const timeZone = useTimeZone();
  const overview = useBusinessOverview();
  const [dialog, setDialog] = useState<TDialog>(null);
  const linkClass = `rounded font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-400 ${FOCUS_RING}`;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold">{t("bizAdminTitle")}</h1>
        <p className="text-xs text-slate-600 dark:text-slate-400">{t("bizAdminHint")}</p>
        <Button variant="primary" className="ml-auto" onClick={() => setDialog({ kind: "create" })}>
          {t("bizAdminNew")}
        </Button>
      </div>
      {overview.isError && !overview.data ? (
        <ErrorNotice title={t("bizAdminError")} message={overview.error.message} retryLabel={t("retry")} onRetry={() => overview.refetch()} />
      ) : (
        <div className="overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
          <div className="overflow-x-auto">
            <Table>
              <caption className="sr-only">{t("bizAdminTitle")}</caption>
              <TableHead>
                <tr>
                  <HeaderCell className="w-16">ID</HeaderCell>
                  <HeaderCell>{t("bizAdminName")}</HeaderCell>
                  <HeaderCell>{t("bizAdminSupplier")}</HeaderCell>
                  <HeaderCell className="text-right">{t("bizAdminSets")}</HeaderCell>
                  <HeaderCell className="text-right">{t("bizAdminModules")}</HeaderCell>
                  <HeaderCell className="text-right">{t("hosts")}</HeaderCell>
                  <HeaderCell className="text-right">{t("processes")}</HeaderCell>
                  <HeaderCell>{t("bizAdminCreated")}</HeaderCell>
                  <HeaderCell>
                    <span className="sr-only">{t("topoRowActions")}</span>
                  </HeaderCell>
                </tr>
              </TableHead>
              <tbody>
                {overview.data ? (
                  overview.data.map((business) => (
                    <Row key={business.bizId} data-biz={business.name}>
                      <Cell className="text-xs text-slate-500 dark:text-slate-400">{business.bizId}</Cell>
                      <Cell>
                        <Link href={`/biz/${business.bizId}/topology`} className={linkClass}>
                          {business.name}
                        </Link>
                      </Cell>
                      <Cell className="text-xs">{business.supplierAccount}</Cell>
                      <Cell className="text-right">{business.setCount}</Cell>
                      <Cell className="text-right">{business.moduleCount}</Cell>
                      <Cell className="text-right">{business.hostCount}</Cell>
                      <Cell className="text-right">{business.processCount}</Cell>
                      <Cell className="text-xs whitespace-nowrap">{formatDateTime(lang, business.createdAt, timeZone)}</Cell>
                      <Cell className="text-right whitespace-nowrap">
                        <Button size="sm" variant="ghost" aria-label={t("dispatchActionNamed", { name: business.name })} onClick={() => setDialog({ kind: "dispatch", business })}>
                          {t("dispatchAction")}
                        </Button>
                        <Button size="sm" variant="ghost" aria-label={t("bizAdminRenameNamed", { name: business.name })} onClick={() => setDialog({ kind: "rename", business })}>
                          {t("topoRename")}
                        </Button>
                        <Button size="sm" variant="ghost" className="text-red-700! dark:text-red-400!" aria-label={t("bizAdminDeleteNamed", { name: business.name })} onClick={() => setDialog({ kind: "delete", business })}>
                          {t("delete")}
                        </Button>
                      </Cell>
                    </Row>
                  ))
                ) : (
                  <SkeletonRows rows={4} columns={9} />
                )}
              </tbody>
            </Table>
          </div>
          {overview.data?.length === 0 && <EmptyState title={t("bizAdminEmpty")} hint={t("bizAdminEmptyHint")} />}
        </div>
      )}
      {dialog?.kind === "create" && <CreateBusinessDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === "rename" && <RenameBusinessDialog business={dialog.business} onClose={() => setDialog(null)} />}
      {dialog?.kind === "delete" && <DeleteBusinessDialog business={dialog.business} onClose={() => setDialog(null)} />}
      {dialog?.kind === "dispatch" && <DispatchDialog business={dialog.business} onClose={() => setDialog(null)} />}
    </div>
  );
}

function CreateBusinessDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { showToast } = useToast();
  const create = useCreateBusiness();
  return (
    <NameDialog
      isOpen
      onClose={onClose}
      title={t("bizAdminNew")}
      label={t("bizAdminName")}
      help={t("bizAdminNewHelp")}
      submitLabel={t("bizAdminCreate")}
      isPending={create.isPending}
      error={create.error}
      onSubmit={(name) =>
        create.mutate(name, {
          onSuccess: () => {
            showToast(t("topoCreated", { name }));
            onClose();
          },
        })
      }
    />
  );
}

function RenameBusinessDialog({ business, onClose }: { business: TBusinessOverview; onClose: () => void }) {
  const t = useT();
  const { showToast } = useToast();
  const rename = useRenameBusiness();
  return (
    <NameDialog
      isOpen
      onClose={onClose}
      title={t("bizAdminRenameNamed", { name: business.name })}
      label={t("bizAdminName")}
      initialName={business.name}
      submitLabel={t("topoRename")}
      isPending={rename.isPending}
      error={rename.error}
      onSubmit={(name) =>
        rename.mutate(
          { bizId: business.bizId, name },
          {
            onSuccess: () => {
              showToast(t("topoRenamed", { name }));
              onClose();
            },
          },
        )
      }
    />
  );
}

function DeleteBusinessDialog({ business, onClose }: { business: TBusinessOverview; onClose: () => void }) {
  const t = useT();
  const { showToast } = useToast();
  const remove = useDeleteBusiness();
  return (
    <ConfirmDialog
      isOpen
      onClose={onClose}
      title={t("bizAdminDeleteNamed", { name: business.name })}
      confirmLabel={t("bizAdminDelete")}
      pendingLabel={t("topoWorking")}
      isPending={remove.isPending}
      isDanger
      onConfirm={() =>
        remove.mutate(business.bizId, {
          onSuccess: () => {
            showToast(t("topoDeletedNamed", { name: business.name }));
            onClose();
          },
        })
      }
    >
      <p>{t("bizAdminDeleteBody", { name: business.name })}</p>
      <RefusalNotice error={remove.error} />
    </ConfirmDialog>
  );
}
