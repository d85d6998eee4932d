// One process's figures as GSE reports them per instance (get_proc_result content), read from Linux
// /proc. Never throws: a pid that is gone, or exits while being read, gives the not-running values.
import { readFile } from "node:fs/promises";

export type TProcessStats = {
  pid: number;
  processName: string;
  /** percent of one CPU over the sample window, like top */
  cpuUsage: number;
  /** percent of one CPU since the process started */
  cpuUsageAve: number;
  /** percent of MemTotal */
  phyMemUsage: number;
  /** resident set size, bytes */
  usePhyMem: number;
  threadCount: number;
  /** seconds since the process started */
  elapsedTime: number;
  /** ISO-8601, "" when not running */
  startTime: string;
  /** state letter from /proc/<pid>/stat (R, S, D, T…) */
  stat: string;
  cmdline: string;
  diskSize: number;
  freeVMem: string;
  /** clock ticks, as strings the way GSE sends them */
  stime: string;
  utime: string;
};

/** What GSE sends for a process that is not running. */
export const NOT_RUNNING_STATS: Readonly<TProcessStats> = Object.freeze({
  pid: -1,
  processName: "",
  cpuUsage: 0,
  cpuUsageAve: 0,
  phyMemUsage: 0,
  usePhyMem: 0,
  threadCount: 0,
  elapsedTime: 0,
  startTime: "",
  stat: "",
  cmdline: "",
  diskSize: -1,
  freeVMem: "0",
  stime: "0",
  utime: "0",
});

export const DEFAULT_SAMPLE_MS = 200;

// USER_HZ, the unit of /proc times, is fixed at 100 by the kernel ABI on every architecture Linux
// ships for (whatever CONFIG_HZ is), so there is no need to spawn `getconf CLK_TCK` per status op.
const TICKS_PER_SECOND = 100;
// the kernel truncates comm to 15 characters (TASK_COMM_LEN - 1)
const COMM_MAX_CHARS = 15;
// a command line can be megabytes (long class paths) while the server refuses a report whose row
// content exceeds 20,000 characters, which would hold every other result back; keep a readable head
export const CMDLINE_MAX_CHARS = 4096;

type TStatSample = { comm: string; state: string; utime: number; stime: number; startTicks: number; takenAt: number };

/** Samples the process twice `sampleMs` apart (one window for all fields) and reads the rest once. */
export async function readProcessStats(pid: number | null, sampleMs = DEFAULT_SAMPLE_MS): Promise<TProcessStats> {
  if (pid === null || !Number.isInteger(pid) || pid <= 0) return { ...NOT_RUNNING_STATS };
  try {
    return (await readLiveStats(pid, sampleMs)) ?? { ...NOT_RUNNING_STATS };
  } catch {
    return { ...NOT_RUNNING_STATS };
  }
}

async function readLiveStats(pid: number, sampleMs: number): Promise<TProcessStats | null> {
  const first = await readStatSample(pid);
  if (!first || isExited(first.state)) return null;
  await new Promise((resolve) => setTimeout(resolve, sampleMs));
  const [last, status, cmdlineRaw, memTotalBytes, bootSecs] = await Promise.all([
    readStatSample(pid),
    readText(`/proc/${pid}/status`),
    readText(`/proc/${pid}/cmdline`),
    readMemTotalBytes(),
    readBootSecs(),
  ]);
  // a different start time means the pid was reused by a new process during the window; a zombie has exited
  if (!last || last.startTicks !== first.startTicks || isExited(last.state) || status === null) return null;

  const windowSecs = (last.takenAt - first.takenAt) / 1000;
  const windowTicks = last.utime + last.stime - (first.utime + first.stime);
  const startMs = bootSecs === null ? null : (bootSecs + last.startTicks / TICKS_PER_SECOND) * 1000;
  const elapsedSecs = startMs === null ? 0 : Math.max(0, (Date.now() - startMs) / 1000);
  const rssBytes = readStatusNumber(status, "VmRSS") * 1024;
  const args = (cmdlineRaw ?? "").split("\0").filter((arg) => arg !== "");

  return {
    pid,
    processName: chooseProcessName(last.comm, args[0]),
    cpuUsage: windowSecs > 0 ? roundPercent((windowTicks / TICKS_PER_SECOND / windowSecs) * 100) : 0,
    cpuUsageAve: elapsedSecs > 0 ? roundPercent(((last.utime + last.stime) / TICKS_PER_SECOND / elapsedSecs) * 100) : 0,
    phyMemUsage: memTotalBytes ? roundPercent((rssBytes / memTotalBytes) * 100) : 0,
    usePhyMem: rssBytes,
    threadCount: readStatusNumber(status, "Threads"),
    elapsedTime: Math.floor(elapsedSecs),
    startTime: startMs === null ? "" : new Date(startMs).toISOString(),
    stat: last.state,
    cmdline: formatCmdline(args),
    // GSE sends -1: it does not measure a process's disk use either
    diskSize: -1,
    // GSE's field name says "free", but a process has no free virtual memory; its virtual size is the useful figure
    freeVMem: String(readStatusNumber(status, "VmSize") * 1024),
    stime: String(last.stime),
    utime: String(last.utime),
  };
}

async function readStatSample(pid: number): Promise<TStatSample | null> {
  const text = await readText(`/proc/${pid}/stat`);
  if (text === null) return null;
  // comm may itself hold spaces and parentheses: it runs from the first "(" to the last ")"
  const open = text.indexOf("(");
  const close = text.lastIndexOf(")");
  if (open < 0 || close < open) return null;
  // fields from the 3rd (state) on; field n of proc(5) is rest[n - 3]
  const rest = text.slice(close + 2).trim().split(/\s+/);
  const [utime, stime, startTicks] = [rest[11], rest[12], rest[19]].map(Number);
  if (![utime, stime, startTicks].every(Number.isFinite)) return null;
  return { comm: text.slice(open + 1, close), state: rest[0] ?? "", utime, stime, startTicks, takenAt: performance.now() };
}

function isExited(state: string): boolean {
  return state === "Z" || state === "X";
}

/** comm, unless the kernel cut it short and argv[0] names the same program in full. */
function chooseProcessName(comm: string, argv0: string | undefined): string {
  if (comm.length < COMM_MAX_CHARS || !argv0) return comm;
  const base = argv0.slice(argv0.lastIndexOf("/") + 1);
  return base.startsWith(comm) ? base : comm;
}

/** Arguments joined by spaces, control characters blanked (JSON would make each six characters long), capped. */
function formatCmdline(args: string[]): string {
  // eslint-disable-next-line no-control-regex -- control characters are the point
  const text = args.join(" ").replace(/[\u0000-\u001f\u007f]/g, " ");
  return text.length > CMDLINE_MAX_CHARS ? text.slice(0, CMDLINE_MAX_CHARS) : text;
}

async function readMemTotalBytes(): Promise<number> {
  const meminfo = await readText("/proc/meminfo");
  return meminfo === null ? 0 : readStatusNumber(meminfo, "MemTotal") * 1024;
}

async function readBootSecs(): Promise<number | null> {
  const stat = await readText("/proc/stat");
  const match = stat?.match(/^btime\s+(\d+)/m);
  return match ? Number(match[1]) : null;
}

/** "Key:   123 kB" lines of /proc/<pid>/status and /proc/meminfo; 0 when absent (kernel threads have no VmRSS). */
function readStatusNumber(text: string, key: string): number {
  const match = text.match(new RegExp(`^${key}:\\s+(\\d+)`, "m"));
  return match ? Number(match[1]) : 0;
}

function roundPercent(value: number): number {
  return Math.round(value * 100) / 100;
}

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch {
    return null;
  }
}
