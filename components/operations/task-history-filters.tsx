"use client";
// The history's filters. Text filters (IP, user) are sent after a short pause in typing; the process
// filter is set from a process page or a process name in the list, and shown here as a chip.
import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useT } from "@/lib/client/i18n/lang-context";
import { CONSOLE_OPERATIONS, opTypeKey } from "@/lib/client/operations/result-codes";
import { TASK_STATES, type TTaskListView, type TTaskState } from "@/lib/client/operations/task-list-view";
import { useProcessDetail } from "@/lib/client/processes/queries";

const TYPING_DELAY_MS = 400;
const STATE_LABELS = { running: "stateRunning", succeeded: "stateSucceeded", failed: "stateFailed" } as const;

type TProps = { bizId: number; view: TTaskListView; onViewChange: (change: Partial<TTaskListView>, mode?: "push" | "replace") => void };

export function TaskHistoryFilters({ bizId, view, onViewChange }: TProps) {
  const t = useT();
  const setIp = useCallback((ip: string) => onViewChange({ ip, page: 1 }, "replace"), [onViewChange]);
  const setUser = useCallback((user: string) => onViewChange({ user, page: 1 }, "replace"), [onViewChange]);
  return (
    <div className="flex flex-wrap items-end gap-2">
      {view.process !== null && <ProcessChip bizId={bizId} processId={view.process} onClear={() => onViewChange({ process: null, page: 1 })} />}
      <TextFilter label={t("filterIp")} placeholder={t("ipPlaceholder")} value={view.ip} onChange={setIp} />
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
        {t("filterOp")}
        <Select className="w-40!" value={view.op ?? ""} onChange={(event) => onViewChange({ op: event.target.value === "" ? null : Number(event.target.value), page: 1 })}>
          <option value="">{t("anyOperation")}</option>
          {CONSOLE_OPERATIONS.map(({ opType }) => (
            <option key={opType} value={opType}>
              {t(opTypeKey(opType))}
            </option>
          ))}
        </Select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
        {t("filterState")}
        <Select className="w-36!" value={view.state ?? ""} onChange={(event) => onViewChange({ state: event.target.value === "" ? null : (event.target.value as TTaskState), page: 1 })}>
          <option value="">{t("anyState")}</option>
          {TASK_STATES.map((state) => (
            <option key={state} value={state}>
              {t(STATE_LABELS[state])}
            </option>
          ))}
        </Select>
      </label>
      <TextFilter label={t("filterUser")} placeholder={t("userPlaceholder")} value={view.user} onChange={setUser} />
    </div>
  );
}

function ProcessChip({ bizId, processId, onClear }: { bizId: number; processId: number; onClear: () => void }) {
  const t = useT();
  const process = useProcessDetail(bizId, processId);
  const name = process.data?.record.bk_process_name ?? `#${processId}`;
  return (
    <div className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
      <span>{t("processColumn")}</span>
      <span className="inline-flex h-8 items-center gap-1 rounded-md border border-blue-300 bg-blue-50 pr-1 pl-2.5 text-sm text-blue-900 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-100">
        {name}
        <Button size="sm" variant="ghost" className="h-6 px-1.5" aria-label={t("clearProcessFilter")} title={t("clearProcessFilter")} onClick={onClear}>
          <span aria-hidden>✕</span>
        </Button>
      </span>
    </div>
  );
}

/** A text filter that follows the URL but sends its value only after a pause in typing. */
function TextFilter({ label, placeholder, value, onChange }: { label: string; placeholder: string; value: string; onChange: (value: string) => void }) {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  const [sent, setSent] = useState(value);
  if (value !== shown) {
    setShown(value);
    // the URL changed from elsewhere (back button, clear filters), not by typing here
    if (value !== sent) setDraft(value);
  }
  useEffect(() => {
    if (draft.trim() === value) return;
    const timer = setTimeout(() => {
      setSent(draft.trim());
      onChange(draft.trim());
    }, TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, value, onChange]);

  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
      {label}
      <Input type="search" className="w-44!" placeholder={placeholder} value={draft} onChange={(event) => setDraft(event.target.value)} />
    </label>
  );
}
