"use client";
// The history's filters. Text filters (IP, user) are sent after a short pause in typing; the process
// filter is set from a process page or a process name in the list, and shown here as a chip.
import { Button } from "@/components/ui/button";
import { ChoiceFilter, FilterInput } from "@/components/ui/filter-field";
import { useT } from "@/lib/client/i18n/lang-context";
import { CONSOLE_OPERATIONS, opTypeKey } from "@/lib/client/operations/result-codes";
import { TASK_STATES, type TTaskListView, type TTaskState } from "@/lib/client/operations/task-list-view";
import { useProcessDetail } from "@/lib/client/processes/queries";

const STATE_LABELS = { running: "stateRunning", succeeded: "stateSucceeded", failed: "stateFailed" } as const;
const OPERATIONS = CONSOLE_OPERATIONS.map(({ opType }) => String(opType));

type TProps = { bizId: number; view: TTaskListView; onViewChange: (change: Partial<TTaskListView>, mode?: "push" | "replace") => void };

export function TaskHistoryFilters({ bizId, view, onViewChange }: TProps) {
  const t = useT();
  return (
    <div className="flex flex-wrap items-end gap-2">
      {view.process !== null && <ProcessChip bizId={bizId} processId={view.process} onClear={() => onViewChange({ process: null, page: 1 })} />}
      <FilterInput label={t("filterIp")} placeholder={t("ipPlaceholder")} value={view.ip} onChange={(ip) => onViewChange({ ip, page: 1 }, "replace")} className="w-44!" />
      <ChoiceFilter
        label={t("filterOp")}
        anyLabel={t("anyOperation")}
        className="w-40!"
        value={view.op === null ? "" : String(view.op)}
        options={OPERATIONS}
        labelOf={(op) => t(opTypeKey(Number(op)))}
        onChange={(op) => onViewChange({ op: op === "" ? null : Number(op), page: 1 })}
      />
      <ChoiceFilter
        label={t("filterState")}
        anyLabel={t("anyState")}
        value={view.state ?? ""}
        options={TASK_STATES}
        labelOf={(state) => t(STATE_LABELS[state as TTaskState])}
        onChange={(state) => onViewChange({ state: state === "" ? null : (state as TTaskState), page: 1 })}
      />
      <FilterInput label={t("filterUser")} placeholder={t("userPlaceholder")} value={view.user} onChange={(user) => onViewChange({ user, page: 1 }, "replace")} className="w-44!" />
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
