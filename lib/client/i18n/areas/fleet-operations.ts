// Console text for operating many processes at once, the task page's filters and copy buttons, and
// retrying a task once, in English and Chinese.
import type { TLocalText } from "@/lib/core/i18n";

export const FLEET_OPERATIONS_MESSAGES = {
  // bulk operations from the process list
  bulkOperate: { en: "Operate", zh: "操作" },
  bulkOperateTitle: { en: "Operate {processes}", zh: "操作{processes}" },
  bulkProcessesCount: { en: "{count} processes", zh: "{count} 个进程" },
  bulkProcessesCountOne: { en: "1 process", zh: "1 个进程" },
  bulkScope: { en: "Hosts", zh: "主机" },
  bulkScopeAll: { en: "All hosts of their modules", zh: "所属模块的全部主机" },
  bulkScopeModules: { en: "Only hosts of these modules", zh: "仅以下模块的主机" },
  bulkModuleHosts: { en: "{module} ({hosts})", zh: "{module}（{hosts}）" },
  bulkSummary: { en: "{processes} on {hosts} · {rows} rows in one task", zh: "{processes}，{hosts} · 一个任务共 {rows} 行" },
  bulkTooMany: { en: "More than {max} rows: choose fewer processes or modules.", zh: "超过 {max} 行：请少选进程或模块。" },
  bulkNoHosts: { en: "no host", zh: "无主机" },
  bulkRun: { en: "{operation} {processes} on {hosts}", zh: "在 {hosts}上{operation}{processes}" },
  bulkConfirmBody: { en: "{operation} {processes} on {hosts}?", zh: "确定在 {hosts}上{operation}{processes}吗？" },
  bulkConfirmButton: { en: "Confirm: {operation} {processes} on {hosts}", zh: "确认：在 {hosts}上{operation}{processes}" },
  bulkProcessList: { en: "Processes", zh: "进程" },
  bulkPreviewError: { en: "Could not work out the hosts", zh: "无法确定主机" },

  // task page: filters, copy, grouping
  taskFilterState: { en: "Rows", zh: "行" },
  taskFilterAll: { en: "All ({count})", zh: "全部（{count}）" },
  taskFilterRunning: { en: "Running ({count})", zh: "执行中（{count}）" },
  taskFilterSucceeded: { en: "Succeeded ({count})", zh: "成功（{count}）" },
  taskFilterFailed: { en: "Failed ({count})", zh: "失败（{count}）" },
  taskIpSearch: { en: "Search IP", zh: "搜索 IP" },
  taskIpSearchPlaceholder: { en: "10.0.0.", zh: "10.0.0." },
  taskCopyAll: { en: "Copy all IPs", zh: "复制全部 IP" },
  taskCopyFailed: { en: "Copy failed IPs", zh: "复制失败 IP" },
  taskCopyShown: { en: "Copy shown IPs", zh: "复制筛选结果 IP" },
  taskCopied: { en: "Copied {count} IPs", zh: "已复制 {count} 个 IP" },
  taskCopiedOne: { en: "Copied 1 IP", zh: "已复制 1 个 IP" },
  taskCopyError: { en: "Could not copy: {message}", zh: "无法复制：{message}" },
  taskSortDuration: { en: "Sort by duration", zh: "按耗时排序" },
  taskNoRowsMatch: { en: "No row matches these filters.", zh: "没有符合筛选条件的行。" },
  taskGroupRows: { en: "{count} rows", zh: "{count} 行" },
  taskGroupRowsOne: { en: "1 row", zh: "1 行" },
  taskProcessesValue: { en: "{count} processes", zh: "{count} 个进程" },
  // task history: a task of several processes, by its first names
  taskProcessesMore: { en: "{names} +{more}", zh: "{names} 及另外 {more} 个进程" },

  // retry once
  taskRetriedAs: { en: "Retried as", zh: "已重试为" },
  retryConfirmTitle: { en: "Confirm: retry {operation}", zh: "确认重试{operation}" },
  retryConfirmBody: { en: "{operation} again on the {count} failed rows?", zh: "确定对 {count} 个失败行再次{operation}吗？" },
  retryConfirmBodyOne: { en: "{operation} again on the 1 failed row?", zh: "确定对 1 个失败行再次{operation}吗？" },
  retryConfirmButton: { en: "Confirm: {operation} again", zh: "确认：再次{operation}" },
} as const satisfies Record<string, TLocalText>;
