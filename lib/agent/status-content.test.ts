import { describe, expect, it } from "vitest";
import { NOT_RUNNING_STATS, type TProcessStats } from "./process-stats";
import { buildStatusContent, formatGseClock } from "./status-content";

const GSE_INSTANCE_FIELDS = ["pid", "processName", "cpuUsage", "cpuUsageAve", "phyMemUsage", "usePhyMem", "threadCount", "elapsedTime", "startTime", "stat", "cmdline", "diskSize", "freeVMem", "stime", "utime", "isAuto"];

const RUNNING: TProcessStats = {
  ...NOT_RUNNING_STATS,
  pid: 4321,
  processName: "web",
  cpuUsage: 12.5,
  cpuUsageAve: 3.25,
  phyMemUsage: 0.4,
  usePhyMem: 8_388_608,
  threadCount: 4,
  elapsedTime: 60,
  startTime: "2026-01-02T03:04:05.000Z",
  stat: "S",
  cmdline: "/srv/web/bin/web --port 80",
  freeVMem: "104857600",
  stime: "7",
  utime: "188",
};

describe("buildStatusContent", () => {
  it("is GSE's document, with GSEKit's pid and isAuto, nodeman's version and the flat Procdeck fields", () => {
    const content = JSON.parse(buildStatusContent({ procName: "web", hostIp: "10.0.0.1", pid: 4321, isManaged: true, stats: RUNNING, fallbackStartTime: null }));

    const instance = content.process[0].instance[0];
    expect(content.process[0].procname).toBe("web");
    expect(Object.keys(instance).sort()).toEqual([...GSE_INSTANCE_FIELDS].sort());
    expect(instance).toMatchObject({ pid: 4321, isAuto: true, cpuUsage: 12.5, usePhyMem: 8_388_608, cmdline: "/srv/web/bin/web --port 80", utime: "188" });
    expect(content).toMatchObject({ ip: "10.0.0.1", version: "", pid: 4321, isAuto: true, managed: true, start_time: "2026-01-02T03:04:05.000Z" });
    expect(content).toHaveProperty("utctime");
    expect(content).toHaveProperty("utctime2");
    expect(content).toHaveProperty("timezone");
  });

  it("says pid -1 with GSE's empty values when not running, still naming the program", () => {
    const content = JSON.parse(buildStatusContent({ procName: "web", hostIp: "10.0.0.1", pid: null, isManaged: false, stats: NOT_RUNNING_STATS, fallbackStartTime: "ignored" }));

    expect(content.process[0].instance[0]).toEqual({ ...NOT_RUNNING_STATS, processName: "web", isAuto: false });
    expect(content).toMatchObject({ pid: -1, isAuto: false, managed: false, start_time: null });
  });

  it("keeps the live pid and the fallback start time when /proc had nothing (not Linux)", () => {
    const content = JSON.parse(buildStatusContent({ procName: "web", hostIp: "", pid: 99, isManaged: false, stats: NOT_RUNNING_STATS, fallbackStartTime: "2026-01-01T00:00:00.000Z" }));

    expect(content.process[0].instance[0].pid).toBe(99);
    expect(content).toMatchObject({ pid: 99, start_time: "2026-01-01T00:00:00.000Z" });
  });
});

describe("formatGseClock", () => {
  it("gives local wall time, UTC and the offset in hours, the way GSE does", () => {
    const now = new Date("2026-04-13T13:51:55.789Z");
    const clock = formatGseClock(now);

    expect(clock.utctime2).toBe("2026-04-13 13:51:55");
    expect(clock.timezone).toBe(-now.getTimezoneOffset() / 60);
    const local = new Date(`${clock.utctime.replace(" ", "T")}Z`).getTime() - clock.timezone * 3_600_000;
    expect(local).toBe(Date.parse("2026-04-13T13:51:55Z"));
  });
});
