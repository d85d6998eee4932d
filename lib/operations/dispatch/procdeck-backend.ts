// The default backend: Procdeck's own agents. Rows are queued unclaimed; waiting long-polls are woken
// by NOTIFY (sent at commit), a few notifications naming many hosts each (work-notifier.ts).
import "server-only";
import { encodeWorkNotices, WORK_CHANNEL } from "@/lib/operations/work-notifier";
import type { TDispatchBackend } from "@/lib/operations/dispatch/dispatch-backend";

export const procdeckBackend: TDispatchBackend = {
  kind: "procdeck",
  holdFor: () => null,
  queue: async (tx, task) => {
    const notices = encodeWorkNotices(task.hostIds);
    if (notices.length) await tx.query("SELECT pg_notify($1, notice) FROM unnest($2::text[]) AS notice", [WORK_CHANNEL, notices]);
  },
};
