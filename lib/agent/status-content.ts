// The content of an op 2 (status) row: GSE's get_proc_result document, which GSEKit reads as
// process[0].instance[0].pid (< 0: not running) and .isAuto, and bk-nodeman reads `version` from,
// plus Procdeck's own flat fields (pid, isAuto, managed, start_time) that existing readers use.
import type { TProcessStats } from "./process-stats";

export type TStatusContentInput = {
  procName: string;
  hostIp: string;
  /** the live pid, or null; wins over stats.pid where /proc could not be read */
  pid: number | null;
  isManaged: boolean;
  stats: TProcessStats;
  /** used when /proc gave no start time (not Linux) */
  fallbackStartTime: string | null;
  now?: Date;
};

export function buildStatusContent({ procName, hostIp, pid, isManaged, stats, fallbackStartTime, now = new Date() }: TStatusContentInput): string {
  const reportedPid = pid ?? -1;
  // GSE names the program even when it is not running
  const instance = { ...stats, pid: reportedPid, processName: stats.processName || procName, isAuto: isManaged };
  const startTime = pid === null ? null : stats.startTime || fallbackStartTime;
  return JSON.stringify({
    process: [{ procname: procName, instance: [instance] }],
    ip: hostIp,
    ...formatGseClock(now),
    // the agent cannot know a managed program's version
    version: "",
    pid: reportedPid,
    isAuto: isManaged,
    managed: isManaged,
    start_time: startTime,
  });
}

/** GSE's clock fields: utctime is the host's local wall time, utctime2 UTC, timezone the offset in hours. */
export function formatGseClock(now: Date): { utctime: string; utctime2: string; timezone: number } {
  const offsetMinutes = -now.getTimezoneOffset();
  return {
    utctime: formatWallTime(new Date(now.getTime() + offsetMinutes * 60_000)),
    utctime2: formatWallTime(now),
    timezone: offsetMinutes / 60,
  };
}

/** "YYYY-MM-DD hh:mm:ss" of the date's UTC fields. */
function formatWallTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace("T", " ");
}
