"use client";
// "Operate" on a process page: opens the Operate dialog afresh each time (a new key resets its choices).
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { OperateDialog } from "@/components/operations/operate-dialog";
import { useT } from "@/lib/client/i18n/lang-context";
import type { TProcessRecord } from "@/lib/processes/attribute-metadata";

export function OperateButton({ bizId, record }: { bizId: number; record: TProcessRecord }) {
  const t = useT();
  const [isOpen, setIsOpen] = useState(false);
  const [openCount, setOpenCount] = useState(0);
  return (
    <>
      <Button
        variant="primary"
        onClick={() => {
          setOpenCount(openCount + 1);
          setIsOpen(true);
        }}
      >
        {t("operate")}
      </Button>
      <OperateDialog key={openCount} bizId={bizId} record={record} isOpen={isOpen} onClose={() => setIsOpen(false)} />
    </>
  );
}
