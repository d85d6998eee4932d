"use client";
// A process's live state across its hosts, as the process list shows it (lib/operations/process-live-state.ts).
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import { useT } from "@/lib/client/i18n/lang-context";
import type { TMessageKey } from "@/lib/client/i18n/messages";
import type { TProcessLiveState } from "@/lib/operations/process-live-state";
import type { TLiveState } from "@/lib/processes/process-list-view";

const TONES = { running: "green", partial: "amber", stopped: "neutral", offline: "red", unknown: "neutral", no_hosts: "neutral" } as const;
const LABELS: Record<TLiveState, TMessageKey> = {
  running: "liveStateRunning",
  partial: "liveStatePartial",
  stopped: "liveStateStopped",
  offline: "liveStateOffline",
  unknown: "liveStateUnknown",
  no_hosts: "liveStateNoHosts",
};
export const LIVE_FILTER_LABELS: Record<TLiveState, TMessageKey> = {
  running: "liveStateFilterRunning",
  partial: "liveStateFilterPartial",
  stopped: "liveStateFilterStopped",
  offline: "liveStateFilterOffline",
  unknown: "liveStateFilterUnknown",
  no_hosts: "liveStateFilterNoHosts",
};

/** `isPending`: the states have not loaded yet (a skeleton); otherwise a process without one shows a dash. */
export function LiveStateBadge({ state, isPending }: { state: TProcessLiveState | undefined; isPending: boolean }) {
  const t = useT();
  if (!state) return isPending ? <Skeleton className="h-4 w-20" /> : <span className="text-slate-400">{t("notSet")}</span>;
  const hint = state.total ? t("liveStateHint", { running: state.running, stopped: state.stopped, unreachable: state.unreachable, total: state.total }) : undefined;
  return (
    <span data-live-state={state.state} title={hint} className="inline-flex whitespace-nowrap">
      <Badge tone={TONES[state.state]}>{t(LABELS[state.state], { running: state.running, total: state.total })}</Badge>
    </span>
  );
}
