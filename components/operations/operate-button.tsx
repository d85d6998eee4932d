"use client";
// "Operate" on a process page: opens the Operate dialog afresh each time, so its choices start over.
// The dialog's code loads on the first click, not with the page.
import dynamic from "next/dynamic";
import { useState } from "react";
import { DialogButton } from "@/components/ui/dialog-button";
import { useT } from "@/lib/client/i18n/lang-context";
import type { TProcessRecord } from "@/lib/processes/attribute-metadata";

const OperateDialog = dynamic(() => import("@/components/operations/operate-dialog").then((module) => module.OperateDialog), { ssr: false });

export function OperateButton({ bizId, record }: { bizId: number; record: TProcessRecord }) {
  const t = useT();
  return (
    <DialogButton
      variant="primary"
      renderDialog={({ isOpen, onClose }) => (
        <OnceOpened isOpen={isOpen}>
          <OperateDialog bizId={bizId} record={record} isOpen={isOpen} onClose={onClose} />
        </OnceOpened>
      )}
    >
      {t("operate")}
    </DialogButton>
  );
}

/** Nothing until the dialog first opens; then the dialog, also while it closes (focus goes back to the button). */
function OnceOpened({ isOpen, children }: { isOpen: boolean; children: React.ReactNode }) {
  // DialogButton mounts this afresh for every opening, so "opened" is whether it mounted open
  const [wasOpened] = useState(isOpen);
  return wasOpened || isOpen ? children : null;
}
