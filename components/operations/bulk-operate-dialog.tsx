"use client";
// Operate the processes selected in the list (on any page) as one task: choose the operation, then all
// hosts of their modules or only those of some modules; the server's preview counts processes, hosts
// and rows as chosen. One confirmation names both counts, then the new task's page opens.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNotice, WarningNotice } from "@/components/ui/notice";
import { SkeletonLines } from "@/components/ui/skeleton";
import { OperationConfirmDialog } from "@/components/operations/operation-confirm-dialog";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { formatNumber, type TVars } from "@/lib/client/i18n/translate";
import { useBulkOperate, useBulkPreview } from "@/lib/client/operations/bulk";
import { CONSOLE_OPERATIONS, isDestructive, opTypeKey } from "@/lib/client/operations/result-codes";
import { taskHref } from "@/lib/client/operations/task-list-view";

type TProps = { bizId: number; processIds: number[]; isOpen: boolean; onClose: () => void };

export function BulkOperateDialog({ bizId, processIds, isOpen, onClose }: TProps) {
  const t = useT();
  const { lang } = useLang();
  const router = useRouter();
  const radioName = useId();
  const [opType, setOpType] = useState<number>(CONSOLE_OPERATIONS[0].opType);
  const [modules, setModules] = useState<Set<string> | null>(null);
  const [step, setStep] = useState<"choose" | "confirm">("choose");
  const input = { opType, processIds, ...(modules ? { modules: [...modules].sort() } : {}) };
  const preview = useBulkPreview(bizId, isOpen ? input : null);
  const operate = useBulkOperate(bizId);

  const data = preview.data;
  const count = (n: number, one: "hostsCountOne" | "bulkProcessesCountOne", many: "hostsCount" | "bulkProcessesCount") => (n === 1 ? t(one) : t(many, { count: formatNumber(lang, n) }));
  const vars: TVars = {
    operation: t(opTypeKey(opType)),
    processes: count(processIds.length, "bulkProcessesCountOne", "bulkProcessesCount"),
    hosts: count(data?.hostCount ?? 0, "hostsCountOne", "hostsCount"),
    rows: formatNumber(lang, data?.rowCount ?? 0),
  };
  const blocked = data?.processes.filter((process) => process.missing.length > 0) ?? [];
  const isTooMany = data !== undefined && data.rowCount > data.maxRows;
  const isReady = data !== undefined && !preview.isPlaceholderData && !preview.isFetching && data.rowCount > 0 && !isTooMany && blocked.length === 0 && (modules === null || modules.size > 0);
  const danger = isDestructive(opType);
  const close = () => {
    setStep("choose");
    onClose();
  };
  const submit = () => operate.mutate(input, { onSuccess: ({ taskId }) => router.push(taskHref(bizId, taskId)) });

  return (
    <>
      <Dialog
        isOpen={isOpen && step === "choose"}
        onClose={close}
        wide
        title={t("bulkOperateTitle", vars)}
        closeLabel={t("close")}
        footer={
          <>
            <Button onClick={close}>{t("cancel")}</Button>
            <Button variant={danger ? "danger" : "primary"} disabled={!isReady} onClick={() => setStep("confirm")}>
              {t("bulkRun", vars)}
            </Button>
          </>
        }
      >
        <div className="space-y-4">
          <fieldset>
            <legend className="mb-1.5 text-xs font-semibold text-slate-700 dark:text-slate-300">{t("operation")}</legend>
            <div className="grid grid-cols-3 gap-1.5">
              {CONSOLE_OPERATIONS.map((op) => (
                <label key={op.opType} className={`flex cursor-pointer items-center gap-2 rounded-md border px-2.5 py-1.5 text-sm ${opType === op.opType ? "border-blue-500 bg-blue-50 dark:border-blue-400 dark:bg-blue-950/50" : "border-slate-200 dark:border-slate-700"}`}>
                  <input type="radio" name={radioName} className="accent-blue-600" checked={opType === op.opType} onChange={() => setOpType(op.opType)} />
                  {t(opTypeKey(op.opType))}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="space-y-1.5">
            <legend className="mb-1.5 text-xs font-semibold text-slate-700 dark:text-slate-300">{t("bulkScope")}</legend>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name={`${radioName}-scope`} checked={modules === null} onChange={() => setModules(null)} />
              {t("bulkScopeAll")}
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name={`${radioName}-scope`} checked={modules !== null} onChange={() => setModules(new Set(data?.modules.map((m) => m.name) ?? []))} />
              {t("bulkScopeModules")}
            </label>
            {modules !== null && (
              <div className="ml-6 flex flex-wrap gap-x-4 gap-y-1">
                {data?.modules.map((module) => (
                  <label key={module.name} className="flex items-center gap-1.5 text-sm">
                    <Checkbox
                      checked={modules.has(module.name)}
                      onChange={(event) => {
                        const next = new Set(modules);
                        if (event.target.checked) next.add(module.name);
                        else next.delete(module.name);
                        setModules(next);
                      }}
                    />
                    {t("bulkModuleHosts", { module: module.name, hosts: count(module.hosts, "hostsCountOne", "hostsCount") })}
                  </label>
                ))}
              </div>
            )}
          </fieldset>
          {preview.isError ? (
            <ErrorNotice title={t("bulkPreviewError")} message={preview.error.message} retryLabel={t("retry")} onRetry={() => preview.refetch()} />
          ) : !data ? (
            <SkeletonLines lines={3} label={t("loading")} />
          ) : (
            <div className="space-y-2">
              <p className="text-sm font-medium" aria-live="polite" data-testid="bulk-summary">
                {t("bulkSummary", vars)}
              </p>
              <ul aria-label={t("bulkProcessList")} className="max-h-48 space-y-0.5 overflow-y-auto text-sm">
                {data.processes.map((process) => (
                  <li key={process.processId} className="flex gap-2">
                    <span className="truncate">{process.name}</span>
                    <span className="text-xs text-slate-500 dark:text-slate-400">{process.hosts ? count(process.hosts, "hostsCountOne", "hostsCount") : t("bulkNoHosts")}</span>
                    {process.missing.length > 0 && <span className="text-xs text-amber-700 dark:text-amber-400">{t("opNeeds", { attributes: process.missing.join(", ") })}</span>}
                  </li>
                ))}
              </ul>
              {isTooMany && <WarningNotice title={t("bulkTooMany", { max: formatNumber(lang, data.maxRows) })} />}
            </div>
          )}
          {operate.isError && <ErrorNotice title={t("operateFailed")} message={operate.error.message} />}
        </div>
      </Dialog>
      <OperationConfirmDialog
        isOpen={isOpen && step === "confirm"}
        onClose={close}
        onBack={() => setStep("choose")}
        onConfirm={submit}
        title={t("confirmTitle", vars)}
        confirmLabel={t("bulkConfirmButton", vars)}
        question={t("bulkConfirmBody", vars)}
        targets={{ label: t("bulkProcessList"), items: data?.processes.map((process) => ({ id: process.processId, name: process.name })) ?? [] }}
        isDanger={danger}
        isPending={operate.isPending}
        error={operate.error}
      />
    </>
  );
}
