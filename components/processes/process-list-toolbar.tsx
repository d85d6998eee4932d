"use client";
import { useEffect, useState } from "react";
import { useBizAbilities } from "@/components/console/biz-abilities";
import { Button, LinkButton } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ColumnPicker } from "@/components/processes/column-picker";
import { useT } from "@/lib/client/i18n/lang-context";
import { useModuleNames } from "@/lib/client/topology/queries";
import type { TProcessListView } from "@/lib/processes/process-list-view";

const SEARCH_DELAY_MS = 300;

type TToolbarProps = {
  bizId: number;
  view: TProcessListView;
  onViewChange: (change: Partial<TProcessListView>, mode?: "push" | "replace") => void;
  selectedCount: number;
  onBatchEdit: () => void;
  onClearSelection: () => void;
};

export function ProcessListToolbar({ bizId, view, onViewChange, selectedCount, onBatchEdit, onClearSelection }: TToolbarProps) {
  const t = useT();
  const modules = useModuleNames(bizId);
  const { canEdit } = useBizAbilities();
  const [draft, setDraft] = useState(view.q);
  const [shownQ, setShownQ] = useState(view.q);
  const [sentQ, setSentQ] = useState(view.q);
  if (view.q !== shownQ) {
    setShownQ(view.q);
    // the URL changed from elsewhere (back button, "clear filters"), not by our typing: show its search
    if (view.q !== sentQ) setDraft(view.q);
  }

  useEffect(() => {
    if (draft === view.q) return;
    const timer = setTimeout(() => {
      setSentQ(draft);
      onViewChange({ q: draft, page: 1 }, "replace");
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, view.q, onViewChange]);

  return (
    <div className="flex flex-wrap items-end gap-2">
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
        {t("searchLabel")}
        <Input type="search" className="w-60" placeholder={t("searchPlaceholder")} value={draft} onChange={(event) => setDraft(event.target.value)} />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
        {t("moduleFilter")}
        <Select className="w-48" value={view.module} onChange={(event) => onViewChange({ module: event.target.value, page: 1 })}>
          <option value="">{t("anyModule")}</option>
          {view.module && !modules.data?.includes(view.module) && <option value={view.module}>{view.module}</option>}
          {modules.data?.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </label>
      <div className="ml-auto flex items-center gap-2">
        {canEdit && selectedCount > 0 && (
          <>
            <span className="text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
              {t("selectedCount", { count: selectedCount })}
            </span>
            <Button size="md" variant="ghost" onClick={onClearSelection}>
              {t("clearSelection")}
            </Button>
          </>
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
