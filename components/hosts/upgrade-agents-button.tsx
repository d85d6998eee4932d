"use client";
// "Upgrade" for one host's agent or for the ticked ones: the agents fetch the server's build, check
// it, replace themselves and restart; their rows show the progress. Global administrators only.
import { Button } from "@/components/ui/button";
import { RefusalNotice } from "@/components/topology/refusal-notice";
import { useT } from "@/lib/client/i18n/lang-context";
import { useUpgradeAgents } from "@/lib/client/hosts/mutations";
import { useToast } from "@/lib/client/toast";

export function UpgradeAgentsButton({ bizId, hostIds, label, ariaLabel, size, onDone }: { bizId: number; hostIds: number[]; label: string; ariaLabel?: string; size?: "sm"; onDone?: () => void }) {
  const t = useT();
  const { showToast } = useToast();
  const upgrade = useUpgradeAgents(bizId);
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        size={size}
        variant={size ? "ghost" : undefined}
        aria-label={ariaLabel}
        disabled={upgrade.isPending || hostIds.length === 0}
        onClick={() =>
          upgrade.mutate(hostIds, {
            onSuccess: (result) => {
              showToast(t("agentUpgradeRequestedToast", { version: result.version, count: result.hostIds.length }));
              onDone?.();
            },
          })
        }
      >
        {label}
      </Button>
      <RefusalNotice error={upgrade.error} />
    </span>
  );
}
