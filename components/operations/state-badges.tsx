"use client";
// The colored words of operation pages: a row's or task's state, and a host agent's state.
import { Badge } from "@/components/ui/badge";
import { useT } from "@/lib/client/i18n/lang-context";
import type { TRowState } from "@/lib/client/operations/result-codes";
import type { THostView } from "@/lib/topology/list-hosts";

const STATE_TONES = { running: "blue", succeeded: "green", failed: "red" } as const;
const STATE_LABELS = { running: "stateRunning", succeeded: "stateSucceeded", failed: "stateFailed" } as const;

export function StateBadge({ state }: { state: TRowState }) {
  const t = useT();
  return (
    <span data-state={state} className="inline-flex whitespace-nowrap">
      <Badge tone={STATE_TONES[state]}>
        {state === "running" && <span aria-hidden className="mr-1 inline-block size-1.5 rounded-full bg-current motion-safe:animate-pulse" />}
        {t(STATE_LABELS[state])}
      </Badge>
    </span>
  );
}

const AGENT_TONES = { online: "green", offline: "amber", revoked: "red", none: "neutral" } as const;
const AGENT_LABELS = { online: "agentOnline", offline: "agentOffline", revoked: "agentRevoked", none: "agentNone" } as const;

export function AgentStateBadge({ state }: { state: THostView["agentState"] }) {
  const t = useT();
  return (
    <span data-agent-state={state} className="inline-flex whitespace-nowrap">
      <Badge tone={AGENT_TONES[state]}>{t(AGENT_LABELS[state])}</Badge>
    </span>
  );
}
