"use client";
// Import hosts from CSV: paste or pick a file, Preview shows every line's outcome or error, and Apply
// (only when no line has an error and the text is the one previewed) imports every line at once.
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { DialogButton } from "@/components/ui/dialog-button";
import { Dialog } from "@/components/ui/dialog";
import { Textarea } from "@/components/ui/input";
import { ErrorNotice, WarningNotice } from "@/components/ui/notice";
import { ImportPreviewTable } from "@/components/topology/import-preview-table";
import { stripBase } from "@/components/topology/refusal-notice";
import { useT } from "@/lib/client/i18n/lang-context";
import { useToast } from "@/lib/client/toast";
import { useApplyHostImport, usePreviewHostImport } from "@/lib/client/topology/mutations";

const TEMPLATE = "bk_host_innerip,bk_cloud_id,bk_host_name,bk_set_name,bk_module_name\n10.0.0.5,0,web-01,set-a,gateway\n10.0.0.6,0,,,\n";
const MAX_FILE_BYTES = 256 * 1024;

export function ImportHostsButton({ bizId }: { bizId: number }) {
  const t = useT();
  return (
    <DialogButton renderDialog={({ isOpen, onClose }) => isOpen && <ImportHostsDialog bizId={bizId} onClose={onClose} />}>
      {t("topoImportHosts")}
    </DialogButton>
  );
}

function ImportHostsDialog({ bizId, onClose }: { bizId: number; onClose: () => void }) {
  const t = useT();
  const id = useId();
  const { showToast } = useToast();
  const preview = usePreviewHostImport(bizId);
  const apply = useApplyHostImport(bizId);
  const [csv, setCsv] = useState("");
  const [previewedCsv, setPreviewedCsv] = useState<string | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const plan = preview.data;
  const isCurrent = plan !== undefined && previewedCsv === csv;
  const canApply = isCurrent && plan.counts.error === 0 && plan.lines.length > 0;
  const changing = plan ? plan.counts.new + plan.counts.move + plan.counts.rename : 0;

  const runPreview = () => {
    apply.reset();
    setPreviewedCsv(csv);
    preview.mutate(csv);
  };
  const readFile = async (file: File | undefined) => {
    setFileProblem(null);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return setFileProblem(t("topoFileTooLarge"));
    setCsv(await file.text());
  };
  const runApply = () =>
    apply.mutate(csv, {
      onSuccess: (result) => {
        showToast(t("topoImported", { created: result.created, moved: result.moved, unchanged: result.unchanged }));
        onClose();
      },
    });

  return (
    <Dialog
      isOpen
      wide
      onClose={onClose}
      title={t("topoImportTitle")}
      closeLabel={t("close")}
      footer={
        <>
          <Button onClick={onClose}>{t("cancel")}</Button>
          <Button onClick={runPreview} disabled={!csv.trim() || preview.isPending}>
            {preview.isPending ? t("topoWorking") : t("topoPreview")}
          </Button>
          <Button variant="primary" onClick={runApply} disabled={!canApply || apply.isPending}>
            {apply.isPending ? t("topoWorking") : t(plan?.lines.length === 1 ? "topoApplyImportOne" : "topoApplyImport", { count: plan?.lines.length ?? 0 })}
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        <p className="text-xs text-slate-600 dark:text-slate-400">{t("topoImportHelp")}</p>
        <div className="space-y-1">
          <div className="flex items-end justify-between gap-2">
            <label htmlFor={`${id}-csv`} className="text-xs font-medium text-slate-700 dark:text-slate-300">
              {t("topoCsvLabel")}
            </label>
            <div className="flex items-center gap-2">
              <Button size="sm" variant="ghost" onClick={() => setCsv(TEMPLATE)}>
                {t("topoUseTemplate")}
              </Button>
              <label className="cursor-pointer text-xs font-medium text-blue-700 hover:underline dark:text-blue-400">
                {t("topoChooseFile")}
                <input type="file" accept=".csv,text/csv,text/plain" className="sr-only" onChange={(event) => void readFile(event.target.files?.[0])} />
              </label>
            </div>
          </div>
          <Textarea id={`${id}-csv`} rows={7} spellCheck={false} className="font-mono text-xs" value={csv} placeholder={TEMPLATE} onChange={(event) => setCsv(event.target.value)} />
        </div>
        {fileProblem && <ErrorNotice title={fileProblem} />}
        {preview.isError && <ErrorNotice title={t("topoPreviewFailed")} message={stripBase(preview.error.message)} />}
        {plan && (
          <div className="space-y-2" aria-live="polite">
            <p className="text-xs text-slate-700 dark:text-slate-300" data-testid="import-summary">
              {t("topoPreviewSummary", { total: plan.lines.length, new: plan.counts.new, move: plan.counts.move, rename: plan.counts.rename, unchanged: plan.counts.unchanged, error: plan.counts.error })}
            </p>
            {!isCurrent && <WarningNotice title={t("topoPreviewStale")} />}
            {isCurrent && plan.counts.error > 0 && <WarningNotice title={t("topoFixErrors", { count: plan.counts.error })} />}
            {isCurrent && plan.counts.error === 0 && changing === 0 && plan.lines.length > 0 && <p className="text-xs text-slate-600 dark:text-slate-400">{t("topoNothingToChange")}</p>}
            <ImportPreviewTable plan={plan} />
          </div>
        )}
        {apply.isError && <ErrorNotice title={t("topoImportFailed")} message={stripBase(apply.error.message)} />}
      </div>
    </Dialog>
  );
}
