// Console text for live state: the process list's state column and filter, instance figures, and
// what agents do on their own (restarts) in histories, in English and Chinese.
import type { TLocalText } from "@/lib/core/i18n";

export const LIVE_MESSAGES = {
  liveStateColumn: { en: "State", zh: "状态" },
  liveStateFilter: { en: "State", zh: "状态" },
  liveStateAny: { en: "Any state", zh: "全部状态" },
  liveStateRunning: { en: "Running {running}/{total}", zh: "运行中 {running}/{total}" },
  liveStatePartial: { en: "Running {running}/{total}", zh: "运行中 {running}/{total}" },
  liveStateStopped: { en: "Stopped", zh: "已停止" },
  liveStateOffline: { en: "Agent offline", zh: "Agent 离线" },
  liveStateUnknown: { en: "Not reported", zh: "未上报" },
  liveStateNoHosts: { en: "No hosts", zh: "无主机" },
  liveStateFilterRunning: { en: "Running everywhere", zh: "全部运行" },
  liveStateFilterPartial: { en: "Partly running", zh: "部分运行" },
  liveStateFilterStopped: { en: "Stopped", zh: "已停止" },
  liveStateFilterOffline: { en: "Agent offline", zh: "Agent 离线" },
  liveStateFilterUnknown: { en: "Not reported", zh: "未上报" },
  liveStateFilterNoHosts: { en: "No hosts", zh: "无主机" },
  liveStateHint: {
    en: "{running} running, {stopped} stopped, {unreachable} with the agent offline, of {total} hosts",
    zh: "共 {total} 台主机：{running} 台运行，{stopped} 台停止，{unreachable} 台 Agent 离线",
  },
  liveStateHostOffline: { en: "Agent offline", zh: "Agent 离线" },
  liveUptimeColumn: { en: "Uptime", zh: "运行时长" },
  liveCpuColumn: { en: "CPU", zh: "CPU" },
  liveMemoryColumn: { en: "Memory", zh: "内存" },
  liveFiguresHint: { en: "CPU and memory as the agent last sampled them (about every 30 s).", zh: "CPU 与内存为 Agent 最近一次采样（约每 30 秒）。" },
  liveEventRestarted: { en: "restarted it on {ip} after it died", zh: "在 {ip} 上发现进程退出并已重启" },
  liveEventRestartFailed: { en: "failed to restart it on {ip}", zh: "在 {ip} 上重启失败" },
  liveEventGaveUp: { en: "gave up restarting it on {ip}", zh: "在 {ip} 上放弃重启" },
  liveAgentEvent: { en: "Agent event", zh: "Agent 事件" },
  liveEventsTitle: { en: "Agent events", zh: "Agent 事件" },
} as const satisfies Record<string, TLocalText>;
