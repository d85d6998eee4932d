"use client";
// Confirmation before deleting or removing something. When the server refuses (hosts still in a
// module, processes bound to its name, tasks running on a host) its explanation is shown as the reason,
// and the dialog stays open so the admin can read what to do first.
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNotice, WarningNotice } from "@/components/ui/notice";
import { isConsoleApiError } from "@/lib/client/console-fetch";
import { useT } from "@/lib/client/i18n/lang-context";

type TConfirmProps = {
  isOpen: boolean;
  onClose: () => void;
  title: string;
  body: string;
  confirmLabel: string;
  isPending: boolean;
  error: Error | null;
  onConfirm: () => void;
};

export function ConfirmDeleteDialog({ isOpen, onClose, title, body, confirmLabel, isPending, error, onConfirm }: TConfirmProps) {
  const t = useT();
  const isRefusal = isConsoleApiError(error) && (error.kind === "IN_USE" || error.kind === "FIELD_CHECK_FAILED" || error.kind === "NOT_FOUND");
  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      title={title}
      closeLabel={t("close")}
      footer={
        <>
          <Button onClick={onClose}>{t("cancel")}</Button>
          <Button variant="danger" disabled={isPending} onClick={onConfirm}>
            {isPending ? t("topoWorking") : confirmLabel}
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        <p>{body}</p>
        {isRefusal ? (
          <WarningNotice title={t("topoRefusedTitle")}>
            <p className="text-sm first-letter:uppercase">{stripBase(error.message)}</p>
          </WarningNotice>
        ) : (
          error && <ErrorNotice title={error.message} />
        )}
      </div>
    </Dialog>
  );
}

/** "Field value check does not pass: <why>" → "<why>": the base phrase says nothing to a person here. */
export function stripBase(message: string): string {
  const at = message.indexOf(": ");
  return at >= 0 ? message.slice(at + 2) : message;
}
