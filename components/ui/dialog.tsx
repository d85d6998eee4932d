"use client";
// A modal built on <dialog>.showModal(): the browser traps focus, Escape closes, the backdrop blocks
// the page. Controlled by `isOpen`; focus returns to the opener when it closes.
import { useEffect, useId, useRef } from "react";
import { FOCUS_RING } from "@/components/ui/focus-ring";

type TDialogProps = { isOpen: boolean; onClose: () => void; title: string; closeLabel: string; wide?: boolean; children: React.ReactNode; footer?: React.ReactNode };

export function Dialog({ isOpen, onClose, title, closeLabel, wide, children, footer }: TDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className={`m-auto w-[calc(100%-2rem)] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 ${wide ? "max-w-3xl" : "max-w-md"}`}
    >
      {isOpen && (
        <div className="flex max-h-[85vh] flex-col">
          <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3 dark:border-slate-700">
            <h2 id={titleId} className="text-base font-semibold">
              {title}
            </h2>
            <button type="button" onClick={onClose} aria-label={closeLabel} className={`rounded p-1 text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800 ${FOCUS_RING}`}>
              <span aria-hidden>✕</span>
            </button>
          </div>
          <div className="overflow-y-auto px-4 py-3 text-sm">{children}</div>
          {footer && <div className="flex justify-end gap-2 border-t border-slate-200 px-4 py-3 dark:border-slate-700">{footer}</div>}
        </div>
      )}
    </dialog>
  );
}
