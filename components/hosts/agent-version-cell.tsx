"use client";
// A host's agent version with its platform, a flag when it is older than the server's build, and
// the progress of the last upgrade asked from the console.
import { Badge } from "@/components/ui/badge";
import { useT } from "@/lib/client/i18n/lang-context";
import type { THostView } from "@/lib/topology/list-hosts";

export function AgentVersionCell({ host, serverVersion }: { host: THostView; serverVersion: string | null }) {
  const t = useT();
  const upgrade = host.agentUpgrade;
  return (
    <div className="space-y-0.5">
      <div className="flex flex-wrap items-center gap-1.5">
        <span className="font-mono">{host.agentVersion || t("notSet")}</span>
        {host.agentPlatform && <span className="text-slate-500 dark:text-slate-400">{host.agentPlatform}</span>}
        {host.isAgentOutdated && serverVersion && <Badge tone="amber">{t("agentOutdated", { version: serverVersion })}</Badge>}
      </div>
      {upgrade && (
        <div data-testid="agent-upgrade" data-state={upgrade.state} className={upgrade.state === "failed" ? "text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-400"} aria-live="polite">
          {upgrade.state === "requested" && t("upgradeRequested", { version: upgrade.version })}
          {upgrade.state === "downloading" && t("upgradeDownloading", { version: upgrade.version })}
          {upgrade.state === "restarting" && t("upgradeRestarting", { version: upgrade.version })}
          {upgrade.state === "done" && t("upgradeDone", { version: upgrade.version })}
          {upgrade.state === "failed" && t("upgradeFailed", { version: upgrade.version, reason: upgrade.message })}
        </div>
      )}
    </div>
  );
}
