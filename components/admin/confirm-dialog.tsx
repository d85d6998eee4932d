"use client";
// Asks before a change that cannot be taken back (a reset password, a rotated or revoked secret);
// a refusal from the server is shown inside, and the dialog stays open.
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNotice } from "@/components/ui/notice";
import { useT } from "@/lib/client/i18n/lang-context";

type TConfirmDialogProps = {
  isOpen: boolean;
  onClose: () => void;
  title: string;
  body: React.ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  isPending: boolean;
  isDanger?: boolean;
  error?: string;
  onConfirm: () => void;
};

export function ConfirmDialog({ isOpen, onClose, title, body, confirmLabel, pendingLabel, isPending, isDanger, error, onConfirm }: TConfirmDialogProps) {
  const t = useT();
  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      title={title}
      closeLabel={t("close")}
      footer={
        <>
          <Button onClick={onClose}>{t("cancel")}</Button>
          <Button variant={isDanger ? "danger" : "primary"} onClick={onConfirm} disabled={isPending}>
            {isPending ? pendingLabel : confirmLabel}
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        <div>{body}</div>
        {error && <ErrorNotice title={error} />}
      </div>
    </Dialog>
  );
}
