"use client";
// Revoke one host's agent, after a confirmation that says what happens: its token stops working at
// once, its next poll is refused, rows still queued for it end "agent offline", and only a new
// enrolment brings it back. Global administrators only (the server refuses anyone else).
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RefusalNotice } from "@/components/topology/refusal-notice";
import { useT } from "@/lib/client/i18n/lang-context";
import { useRevokeAgent } from "@/lib/client/hosts/mutations";
import { useToast } from "@/lib/client/toast";

export function RevokeAgentButton({ bizId, hostId, ip }: { bizId: number; hostId: number; ip: string }) {
  const t = useT();
  const { showToast } = useToast();
  const [isOpen, setIsOpen] = useState(false);
  const revoke = useRevokeAgent(bizId);
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        className="text-red-700! dark:text-red-400!"
        aria-label={t("agentRevokeNamed", { ip })}
        onClick={() => {
          revoke.reset();
          setIsOpen(true);
        }}
      >
        {t("agentRevoke")}
      </Button>
      {isOpen && (
        <ConfirmDialog
          isOpen
          onClose={() => setIsOpen(false)}
          title={t("agentRevokeNamed", { ip })}
          confirmLabel={t("agentRevoke")}
          pendingLabel={t("topoWorking")}
          isPending={revoke.isPending}
          isDanger
          onConfirm={() =>
            revoke.mutate(hostId, {
              onSuccess: () => {
                showToast(t("agentRevokedToast", { ip }));
                setIsOpen(false);
              },
            })
          }
        >
          <p>{t("agentRevokeBody", { ip })}</p>
          <RefusalNotice error={revoke.error} />
        </ConfirmDialog>
      )}
    </>
  );
}
