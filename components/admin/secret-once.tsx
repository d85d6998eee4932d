"use client";
// A freshly generated secret (password or app secret), shown this one time with a copy button. The
// server keeps only its hash, so closing the dialog forgets it for good.
import { useId } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { FOCUS_RING } from "@/components/ui/focus-ring";
import { WarningNotice } from "@/components/ui/notice";

export function SecretOnce({ label, value, warning }: { label: string; value: string; warning: string }) {
  const id = useId();
  return (
    <div className="space-y-3">
      <WarningNotice title={warning} />
      <div className="space-y-1">
        <label htmlFor={id} className="text-xs font-medium text-slate-700 dark:text-slate-300">
          {label}
        </label>
        <div className="flex gap-2">
          <input
            id={id}
            readOnly
            value={value}
            data-secret
            onFocus={(event) => event.target.select()}
            className={`block h-8 w-full rounded-md border border-slate-300 bg-slate-50 px-2.5 font-mono text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100 ${FOCUS_RING}`}
          />
          <CopyButton value={value} />
        </div>
      </div>
    </div>
  );
}
