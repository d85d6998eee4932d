"use client";
import { useBizAbilities } from "@/components/console/biz-abilities";
import { Button, LinkButton } from "@/components/ui/button";
import { ChoiceFilter, FilterInput } from "@/components/ui/filter-field";
import { ColumnPicker } from "@/components/processes/column-picker";
import { LIVE_FILTER_LABELS } from "@/components/operations/live-state-badge";
import { useT } from "@/lib/client/i18n/lang-context";
import { useModuleNames } from "@/lib/client/topology/queries";
import { LIVE_STATES, type TLiveState, type TProcessListView } from "@/lib/processes/process-list-view";

type TToolbarProps = {
  bizId: number;
  view: TProcessListView;
  onViewChange: (change: Partial<TProcessListView>, mode?: "push" | "replace") => void;
  selectedCount: number;
  onBatchEdit: () => void;
  /** opens the bulk operation of the selected processes (components/operations/bulk-operate-dialog.tsx) */
  onOperate: () => void;
  onClearSelection: () => void;
};

export function ProcessListToolbar({ bizId, view, onViewChange, selectedCount, onBatchEdit, onOperate, onClearSelection }: TToolbarProps) {
  const t = useT();
  const modules = useModuleNames(bizId);
  const { canEdit, canOperate } = useBizAbilities();
  const listed = modules.data ?? [];
  // a module named in the URL but not (or not yet) in the list still shows as the one chosen
  const moduleOptions = view.module && !listed.includes(view.module) ? [view.module, ...listed] : listed;

  return (
    <div className="flex flex-wrap items-end gap-2">
      {/* a name may start or end with a space, so the search is sent as typed */}
      <FilterInput label={t("searchLabel")} placeholder={t("searchPlaceholder")} value={view.q} isTrimmed={false} onChange={(q) => onViewChange({ q, page: 1 }, "replace")} className="w-64!" isSlashSearch />
      <ChoiceFilter label={t("moduleFilter")} anyLabel={t("anyModule")} className="w-48" value={view.module} options={moduleOptions} onChange={(module) => onViewChange({ module, page: 1 })} />
      <ChoiceFilter label={t("liveStateFilter")} anyLabel={t("liveStateAny")} className="w-44" value={view.state} options={[...LIVE_STATES]} labelOf={(state) => t(LIVE_FILTER_LABELS[state as TLiveState])} onChange={(state) => onViewChange({ state: state as TLiveState | "", page: 1 })} />
      <div className="ml-auto flex items-center gap-2">
        {(canEdit || canOperate) && selectedCount > 0 && (
          <>
            <span className="text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
              {t("selectedCount", { count: selectedCount })}
            </span>
            <Button size="md" variant="ghost" onClick={onClearSelection}>
              {t("clearSelection")}
            </Button>
          </>
        )}
        {canOperate && (
          <Button onClick={onOperate} disabled={selectedCount === 0}>
            {t("bulkOperate")}
          </Button>
        )}
        {canEdit && (
          <Button onClick={onBatchEdit} disabled={selectedCount === 0}>
            {t("batchEdit")}
          </Button>
        )}
        <ColumnPicker columns={view.cols} onChange={(cols) => onViewChange({ cols })} />
        {canEdit && (
          <LinkButton href={`/biz/${bizId}/processes/new`} variant="primary">
            {t("newProcess")}
          </LinkButton>
        )}
      </div>
    </div>
  );
}
