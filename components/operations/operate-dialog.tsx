"use client";
// Operate a process: choose the operation and the hosts (those of the modules it is bound to), then
// confirm when it stops or kills, or touches more than one host. The new task's page opens at once.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNotice, WarningNotice } from "@/components/ui/notice";
import { HostPicker } from "@/components/operations/host-picker";
import { OperationConfirmDialog } from "@/components/operations/operation-confirm-dialog";
import { useT } from "@/lib/client/i18n/lang-context";
import type { TVars } from "@/lib/client/i18n/translate";
import { useOperateProcess } from "@/lib/client/operations/mutations";
import { groupOperationHosts, NO_HOST_FILTER, type THostFilter } from "@/lib/client/operations/operation-hosts";
import { useOperationHosts } from "@/lib/client/operations/queries";
import { CONSOLE_OPERATIONS, isDestructive, needsConfirmation, opTypeKey } from "@/lib/client/operations/result-codes";
import { taskHref } from "@/lib/client/operations/task-list-view";
import { missingForOperation } from "@/lib/operations/catalogue-spec";
import type { TProcessRecord } from "@/lib/processes/attribute-metadata";

type TProps = { bizId: number; record: TProcessRecord; isOpen: boolean; onClose: () => void };

export function OperateDialog({ bizId, record, isOpen, onClose }: TProps) {
  const t = useT();
  const router = useRouter();
  const hostsQuery = useOperationHosts(bizId, record.bk_process_id, { isEnabled: isOpen });
  const operate = useOperateProcess(bizId, record.bk_process_id);
  const [opType, setOpType] = useState<number | null>(() => CONSOLE_OPERATIONS.find((op) => missingForOperation(record, op.opType).length === 0)?.opType ?? null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  // kept here, not in the picker: the picker unmounts while the confirmation is shown, and Back keeps the filter
  const [hostFilter, setHostFilter] = useState<THostFilter>(NO_HOST_FILTER);
  const [step, setStep] = useState<"choose" | "confirm">("choose");

  const hosts = groupOperationHosts(hostsQuery.data ?? []);
  const chosen = hosts.filter((host) => selected.has(host.hostId));
  const withoutAgent = chosen.filter((host) => host.agentState !== "online").length;
  const hostsText = (count: number) => (count === 1 ? t("hostsCountOne") : t("hostsCount", { count }));
  const vars: TVars = { operation: opType === null ? "" : t(opTypeKey(opType)), hosts: hostsText(chosen.length), name: record.bk_process_name };
  const canSubmit = opType !== null && chosen.length > 0 && !operate.isPending;

  const submit = () => {
    if (opType === null) return;
    operate.mutate({ opType, hostIds: chosen.map((host) => host.hostId) }, { onSuccess: ({ taskId }) => router.push(taskHref(bizId, taskId)) });
  };
  const next = () => {
    if (opType !== null && needsConfirmation(opType, chosen.length)) setStep("confirm");
    else submit();
  };
  const danger = opType !== null && isDestructive(opType);

  return (
    <>
      <Dialog
        isOpen={isOpen && step === "choose"}
        onClose={onClose}
        wide
        title={t("operateTitle", { name: record.bk_process_name })}
        closeLabel={t("close")}
        footer={
          <>
            <Button onClick={onClose}>{t("cancel")}</Button>
            <Button variant={danger ? "danger" : "primary"} disabled={!canSubmit} onClick={next}>
              {operate.isPending ? t("sending") : chosen.length === 0 ? t("chooseHosts") : t("runOperation", vars)}
            </Button>
          </>
        }
      >
        <div className="space-y-4">
          <OperationChoice record={record} value={opType} onChange={setOpType} />
          <HostPicker hostsQuery={hostsQuery} hosts={hosts} filter={hostFilter} onFilterChange={setHostFilter} selected={selected} onSelectedChange={setSelected} />
          {withoutAgent > 0 && <WarningNotice title={t("agentNotOnlineWarning", { hosts: hostsText(withoutAgent) })} />}
          {operate.isError && <ErrorNotice title={t("operateFailed")} message={operate.error.message} />}
        </div>
      </Dialog>
      <OperationConfirmDialog
        isOpen={isOpen && step === "confirm"}
        onClose={onClose}
        onBack={() => setStep("choose")}
        onConfirm={submit}
        title={t("confirmTitle", vars)}
        confirmLabel={t("confirmButton", vars)}
        question={t("confirmBody", vars)}
        targets={{ label: t("hosts"), items: chosen.map((host) => ({ id: host.hostId, name: host.ip })), isMono: true }}
        isDanger={danger}
        isPending={operate.isPending}
        error={operate.error}
      >
        {withoutAgent > 0 && <WarningNotice title={t("agentNotOnlineWarning", { hosts: hostsText(withoutAgent) })} />}
      </OperationConfirmDialog>
    </>
  );
}

function OperationChoice({ record, value, onChange }: { record: TProcessRecord; value: number | null; onChange: (opType: number) => void }) {
  const t = useT();
  const name = useId();
  return (
    <fieldset>
      <legend className="mb-1.5 text-xs font-semibold text-slate-700 dark:text-slate-300">{t("operation")}</legend>
      <div className="grid grid-cols-2 gap-1.5">
        {CONSOLE_OPERATIONS.map(({ opType, hint }) => {
          const missing = missingForOperation(record, opType);
          const labelId = `${name}-${opType}-label`;
          const hintId = `${name}-${opType}-hint`;
          return (
            <label
              key={opType}
              className={`flex items-start gap-2 rounded-md border px-2.5 py-1.5 ${
                value === opType ? "border-blue-500 bg-blue-50 dark:border-blue-400 dark:bg-blue-950/50" : "border-slate-200 dark:border-slate-700"
              } ${missing.length ? "cursor-not-allowed opacity-60" : "cursor-pointer hover:bg-slate-50 dark:hover:bg-slate-800/60"}`}
            >
              <input type="radio" name={name} className="mt-0.5 accent-blue-600 dark:accent-blue-400" checked={value === opType} disabled={missing.length > 0} onChange={() => onChange(opType)} aria-labelledby={labelId} aria-describedby={hintId} />
              <span className="min-w-0">
                <span id={labelId} className="block text-sm font-medium">
                  {t(opTypeKey(opType))}
                </span>
                <span id={hintId} className={`block text-xs ${missing.length ? "text-amber-700 dark:text-amber-400" : "text-slate-500 dark:text-slate-400"}`}>
                  {missing.length ? t("opNeeds", { attributes: missing.join(", ") }) : t(hint)}
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
