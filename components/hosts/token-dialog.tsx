"use client";
// The frame of both enrolment dialogs (one host, many hosts): a form and its Issue button, then what
// was issued, shown this one time (the server keeps only hashes), with Done. Closing forgets it.
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FOCUS_RING } from "@/components/ui/focus-ring";
import { CopyButton } from "@/components/ui/copy-button";
import { WarningNotice } from "@/components/ui/notice";
import { useT } from "@/lib/client/i18n/lang-context";

type TProps = {
  isOpen: boolean;
  onClose: () => void;
  title: string;
  /** the id of the form in `children`, which the Issue button submits */
  formId: string;
  submitLabel: string;
  isPending: boolean;
  canSubmit: boolean;
  /** what was issued (CopyFields), or null while the form is shown */
  issued: React.ReactNode | null;
  children: React.ReactNode;
};

export function TokenDialog({ isOpen, onClose, title, formId, submitLabel, isPending, canSubmit, issued, children }: TProps) {
  const t = useT();
  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      wide
      title={title}
      closeLabel={t("close")}
      footer={
        issued ? (
          <Button variant="primary" onClick={onClose}>
            {t("done")}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t("cancel")}</Button>
            <Button variant="primary" type="submit" form={formId} disabled={isPending || !canSubmit}>
              {isPending ? t("issuing") : submitLabel}
            </Button>
          </>
        )
      }
    >
      {issued ? (
        <div className="space-y-3">
          <WarningNotice title={t("tokenShownOnce")} />
          {issued}
        </div>
      ) : (
        children
      )}
    </Dialog>
  );
}

/** A read-only value to copy: a token, an install line (a long one wraps onto two rows). */
export function CopyField({ label, value, rows }: { label: string; value: string; rows?: number }) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <div className="flex gap-2">
        <textarea
          id={id}
          readOnly
          rows={rows ?? (value.length > 70 ? 2 : 1)}
          value={value}
          onFocus={(event) => event.target.select()}
          className={`block w-full resize-none rounded-md border border-slate-300 bg-slate-50 px-2.5 py-1.5 font-mono text-xs break-all text-slate-900 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100 ${FOCUS_RING}`}
        />
        <CopyButton value={value} />
      </div>
    </div>
  );
}
