// Hosts page text for installing and upgrading agents (issue 13).
import type { TLocalText } from "@/lib/core/i18n";

export const AGENT_FLEET_MESSAGES = {
  installCommandLabel: { en: "Run on the host as root (one line)", zh: "在主机上以 root 运行（一行命令）" },
  installCommandHelp: {
    en: "Downloads the agent from this console, checks its SHA-256, installs it to /opt/procdeck-agent and starts it as a systemd service. Add --foreground to run it in the terminal instead.",
    zh: "从本控制台下载 Agent、校验 SHA-256、安装到 /opt/procdeck-agent 并作为 systemd 服务启动。加 --foreground 则在终端前台运行。",
  },
  installAgent: { en: "Install agent", zh: "安装 Agent" },
  installAgentNamed: { en: "Install an agent on {ip}", zh: "在 {ip} 上安装 Agent" },
  bulkTokens: { en: "Tokens for many hosts", zh: "批量签发令牌" },
  bulkTokensBody: { en: "One one-time token per IP, all issued together. Each host gets its own install line.", zh: "每个 IP 一个一次性令牌，一次全部签发。每台主机有自己的安装命令。" },
  bulkIpsLabel: { en: "IPv4 addresses (one per line, or separated by spaces or commas)", zh: "IPv4 地址（每行一个，或用空格、逗号分隔）" },
  bulkCloudLabel: { en: "Cloud area", zh: "云区域" },
  bulkInvalidIps: { en: "Not IPv4 addresses: {ips}", zh: "不是 IPv4 地址：{ips}" },
  bulkNoIps: { en: "Enter at least one IP.", zh: "请至少输入一个 IP。" },
  bulkTokensTooMany: { en: "At most 500 IPs at once.", zh: "一次最多 500 个 IP。" },
  bulkIssue: { en: "Issue {count} tokens", zh: "签发 {count} 个令牌" },
  bulkAllLines: { en: "All install lines (one per host)", zh: "全部安装命令（每台主机一行）" },
  agentOutdated: { en: "older than the server ({version})", zh: "低于服务器版本（{version}）" },
  agentUpgrade: { en: "Upgrade", zh: "升级" },
  agentUpgradeNamed: { en: "Upgrade the agent on {ip}", zh: "升级 {ip} 上的 Agent" },
  agentUpgradeSelected: { en: "Upgrade {count} selected", zh: "升级所选 {count} 台" },
  agentUpgradeRequestedToast: { en: "Upgrade to {version} requested for {count} agents", zh: "已请求将 {count} 个 Agent 升级到 {version}" },
  selectAgentHost: { en: "Select {ip}", zh: "选择 {ip}" },
  selectAllAgentHosts: { en: "Select all hosts with an agent", zh: "选择所有有 Agent 的主机" },
  upgradeRequested: { en: "upgrade to {version} requested", zh: "已请求升级到 {version}" },
  upgradeDownloading: { en: "downloading {version}…", zh: "正在下载 {version}…" },
  upgradeRestarting: { en: "restarting as {version}…", zh: "正在以 {version} 重启…" },
  upgradeDone: { en: "upgraded to {version}", zh: "已升级到 {version}" },
  upgradeFailed: { en: "upgrade to {version} failed: {reason}", zh: "升级到 {version} 失败：{reason}" },
} as const satisfies Record<string, TLocalText>;
