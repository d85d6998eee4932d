// CPU time of a process tree from /proc: utime+stime of every live process under the root, plus
// cutime+cstime (children that already exited and were reaped still count, via their parent).
import { readdirSync, readFileSync } from "node:fs";

/** Linux reports these fields in clock ticks; 100 per second on every common build. */
const TICKS_PER_SECOND = 100;

type TStat = { pid: number; ppid: number; ticks: number };

export function readTreeCpuSeconds(rootPid: number): number {
  return listTree(rootPid).reduce((ticks, stat) => ticks + stat.ticks, 0) / TICKS_PER_SECOND;
}

/** Resident memory of a process tree now (VmRSS of every live process in it), in bytes. */
export function readTreeRssBytes(rootPid: number): number {
  let bytes = 0;
  for (const { pid } of listTree(rootPid)) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (match) bytes += Number(match[1]) * 1024;
    } catch {
      // the process ended while we looked
    }
  }
  return bytes;
}

function listTree(rootPid: number): TStat[] {
  const stats = readAllStats();
  const children = new Map<number, TStat[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  const root = stats.find((stat) => stat.pid === rootPid);
  if (!root) return [];
  const tree: TStat[] = [];
  const stack = [root];
  while (stack.length) {
    const stat = stack.pop()!;
    tree.push(stat);
    stack.push(...(children.get(stat.pid) ?? []));
  }
  return tree;
}

function readAllStats(): TStat[] {
  const stats: TStat[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, "utf8");
      // the command name may contain spaces and parentheses: fields start after the last ")"
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      // fields[0] is field 3 (state): ppid is field 4, utime..cstime are fields 14..17
      const ppid = Number(fields[1]);
      const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      stats.push({ pid: Number(entry), ppid, ticks });
    } catch {
      // the process ended while we looked
    }
  }
  return stats;
}
