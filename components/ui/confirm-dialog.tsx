"use client";
// The one "are you sure?" of the console: a question, Cancel (or Back, for a dialog that asked
// something first) and the confirming button, which waits while the change is sent. What the server
// says when it refuses goes in the children, so the dialog stays open and the reason can be read.
// A dialog that asks for a value (a name) confirms by submitting its form: pass `formId`.
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useT } from "@/lib/client/i18n/lang-context";

type TConfirmDialogProps = {
  isOpen: boolean;
  onClose: () => void;
  title: string;
  confirmLabel: string;
  /** the confirming button's label while sending; without it the label stays and the button waits */
  pendingLabel?: string;
  isPending: boolean;
  isDanger?: boolean;
  wide?: boolean;
  /** instead of Cancel: back to the step before, held while sending */
  back?: { label: string; onBack: () => void };
  /** the confirming button submits this form (in the children) instead of calling onConfirm */
  formId?: string;
  onConfirm?: () => void;
  children: React.ReactNode;
};

export function ConfirmDialog({ isOpen, onClose, title, confirmLabel, pendingLabel, isPending, isDanger, wide, back, formId, onConfirm, children }: TConfirmDialogProps) {
  const t = useT();
  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      title={title}
      closeLabel={t("close")}
      wide={wide}
      footer={
        <>
          {back ? (
            <Button onClick={back.onBack} disabled={isPending}>
              {back.label}
            </Button>
          ) : (
            <Button onClick={onClose}>{t("cancel")}</Button>
          )}
          <Button variant={isDanger ? "danger" : "primary"} type={formId ? "submit" : "button"} form={formId} onClick={onConfirm} disabled={isPending}>
            {isPending && pendingLabel ? pendingLabel : confirmLabel}
          </Button>
        </>
      }
    >
      <div className="space-y-3">{children}</div>
    </Dialog>
  );
}
