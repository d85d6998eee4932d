"use client";
// The last step of the Operate dialogs (one process, or those selected in the list): the question,
// what it runs on (hosts or processes, the first dozen and how many more), a warning for a stop or
// kill, and why the server refused. Back returns to the choice, which is kept.
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorNotice, WarningNotice } from "@/components/ui/notice";
import { useT } from "@/lib/client/i18n/lang-context";

const SHOWN_IN_CONFIRMATION = 12;

type TProps = {
  isOpen: boolean;
  onClose: () => void;
  onBack: () => void;
  onConfirm: () => void;
  title: string;
  confirmLabel: string;
  question: string;
  /** what the operation runs on, as listed (names the list for screen readers) */
  targets: { label: string; items: { id: number; name: string }[]; isMono?: boolean };
  isDanger: boolean;
  isPending: boolean;
  error: Error | null;
  /** more warnings, after the stop/kill one */
  children?: React.ReactNode;
};

export function OperationConfirmDialog({ isOpen, onClose, onBack, onConfirm, title, confirmLabel, question, targets, isDanger, isPending, error, children }: TProps) {
  const t = useT();
  const { items } = targets;
  return (
    <ConfirmDialog
      isOpen={isOpen}
      onClose={onClose}
      wide
      title={title}
      confirmLabel={confirmLabel}
      pendingLabel={t("sending")}
      isPending={isPending}
      isDanger={isDanger}
      back={{ label: t("back"), onBack }}
      onConfirm={onConfirm}
    >
      <p className="font-medium">{question}</p>
      <ul aria-label={targets.label} className={`flex flex-wrap gap-1.5 text-xs ${targets.isMono ? "font-mono" : ""}`}>
        {items.slice(0, SHOWN_IN_CONFIRMATION).map((item) => (
          <li key={item.id} className="rounded bg-slate-100 px-1.5 py-0.5 dark:bg-slate-800">
            {item.name}
          </li>
        ))}
        {items.length > SHOWN_IN_CONFIRMATION && <li className="px-1.5 py-0.5 text-slate-500 dark:text-slate-400">+{items.length - SHOWN_IN_CONFIRMATION}</li>}
      </ul>
      {isDanger && <WarningNotice title={t("confirmStopWarning")} />}
      {children}
      {error && <ErrorNotice title={t("operateFailed")} message={error.message} />}
    </ConfirmDialog>
  );
}
