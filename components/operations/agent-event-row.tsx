"use client";
// An agent event (a crash restart) among the tasks of task history: marked as an event, not a task,
// with the process, the host and what the agent said.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { FOCUS_RING } from "@/components/ui/focus-ring";
import { Cell, Row } from "@/components/ui/table";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { useTimeZone } from "@/lib/client/i18n/time-zone-context";
import type { TMessageKey } from "@/lib/client/i18n/messages";
import { formatMoment } from "@/lib/client/operations/format";
import type { TAgentEventEntry } from "@/lib/operations/list-agent-events";
import type { TTaskSummary } from "@/lib/operations/list-tasks";

const EVENT_KEYS: Record<string, TMessageKey> = { restarted: "liveEventRestarted", restart_failed: "liveEventRestartFailed", gave_up: "liveEventGaveUp" };

export type THistoryItem = { type: "task"; at: string; task: TTaskSummary } | { type: "event"; at: string; event: TAgentEventEntry };

/** Tasks and events, newest first. */
export function interleaveHistory(tasks: TTaskSummary[], events: TAgentEventEntry[] = []): THistoryItem[] {
  const items: THistoryItem[] = [...tasks.map((task) => ({ type: "task" as const, at: task.createdAt, task })), ...events.map((event) => ({ type: "event" as const, at: event.at, event }))];
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

export function AgentEventRow({ bizId, event, columns }: { bizId: number; event: TAgentEventEntry; columns: number }) {
  const t = useT();
  const { lang } = useLang();
  const timeZone = useTimeZone();
  const key = EVENT_KEYS[event.kind];
  return (
    <Row data-agent-event={event.kind} className="bg-amber-50/50 dark:bg-amber-950/20">
      <Cell className="whitespace-nowrap">
        <Badge tone="amber">{t("liveAgentEvent")}</Badge>
      </Cell>
      <Cell>
        {event.processId !== null ? (
          <Link href={`/biz/${bizId}/processes/${event.processId}`} className={`rounded text-blue-700 underline-offset-2 hover:underline dark:text-blue-400 ${FOCUS_RING}`}>
            {event.processName}
          </Link>
        ) : (
          event.processName
        )}
      </Cell>
      <Cell className="text-xs" colSpan={columns - 5}>
        {key ? t(key, { ip: event.ip }) : event.kind}
        {event.message && <span className="ml-2 font-mono text-slate-500 dark:text-slate-400">{event.message}</span>}
      </Cell>
      <Cell className="font-mono text-xs">agent@{event.ip}</Cell>
      <Cell className="text-xs whitespace-nowrap">
        <time dateTime={event.at}>{formatMoment(lang, event.at, timeZone)}</time>
      </Cell>
      <Cell />
    </Row>
  );
}
