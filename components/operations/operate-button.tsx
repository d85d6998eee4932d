"use client";
// "Operate" on a process page: opens the Operate dialog afresh each time, so its choices start over.
import { DialogButton } from "@/components/ui/dialog-button";
import { OperateDialog } from "@/components/operations/operate-dialog";
import { useT } from "@/lib/client/i18n/lang-context";
import type { TProcessRecord } from "@/lib/processes/attribute-metadata";

export function OperateButton({ bizId, record }: { bizId: number; record: TProcessRecord }) {
  const t = useT();
  return (
    <DialogButton variant="primary" renderDialog={({ isOpen, onClose }) => <OperateDialog bizId={bizId} record={record} isOpen={isOpen} onClose={onClose} />}>
      {t("operate")}
    </DialogButton>
  );
}
