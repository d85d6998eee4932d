// What the task history shows as a task's process when the task has no single catalogue process (a
// bulk task, or a GSE/JOB one): its rows' process names, "nginx, redis, web", or with more than three
// "nginx, redis +3" (Chinese "nginx, redis 及另外 3 个进程"). Browser-safe.
import type { TMessageKey } from "@/lib/client/i18n/messages";
import type { TVars } from "@/lib/client/i18n/translate";
import type { TTaskSummary } from "@/lib/operations/list-tasks";

type TTranslate = (key: TMessageKey, vars?: TVars) => string;

const ALL_NAMED_UP_TO = 3;
const NAMED_BEFORE_MORE = 2;

/** null when the rows name no process (then the page shows "—"). */
export function describeTaskProcesses(t: TTranslate, task: Pick<TTaskSummary, "processNames" | "processCount">): string | null {
  const { processNames: names, processCount: count } = task;
  if (!names.length) return null;
  if (count <= ALL_NAMED_UP_TO && names.length === count) return names.join(", ");
  return t("taskProcessesMore", { names: names.slice(0, NAMED_BEFORE_MORE).join(", "), more: count - NAMED_BEFORE_MORE });
}
