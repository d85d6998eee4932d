// The process attributes of BlueKing CMDB v3 (bk_obj_id "process"), in display order. One definition
// drives validation (API and console form), get_process_detail, search projection and the form layout.
// Pure data: safe to import in the browser.
import type { TLocalText } from "@/lib/core/i18n";

export type TAttributeType = "int" | "singlechar" | "longchar" | "enum" | "bool";
export type TAttributeGroup = "default" | "proc_port" | "proc_manage";

export type TAttribute = {
  id: string;
  name: TLocalText;
  type: TAttributeType;
  group: TAttributeGroup;
  isRequired: boolean;
  /** false for attributes the path or system sets (bk_biz_id) */
  isEditable: boolean;
  /** batch update may not set these (000: bk_process_name, bk_func_id) */
  isBatchEditable: boolean;
  options?: { id: string; name: TLocalText }[];
  min?: number;
  max?: number;
  help?: TLocalText;
};

export const ATTRIBUTE_GROUPS: { id: TAttributeGroup; name: TLocalText }[] = [
  { id: "default", name: { en: "Basic info", zh: "基础信息" } },
  { id: "proc_port", name: { en: "Listening port", zh: "监听端口" } },
  { id: "proc_manage", name: { en: "Process management", zh: "进程管理信息" } },
];

export const SINGLECHAR_MAX = 256;
export const LONGCHAR_MAX = 2000;

const int = (min: number, max: number) => ({ type: "int" as const, min, max });
const single = { type: "singlechar" as const };
const long = { type: "longchar" as const };

function attr(id: string, en: string, zh: string, spec: Partial<TAttribute> & { type: TAttributeType; group?: TAttributeGroup }): TAttribute {
  return { id, name: { en, zh }, group: "default", isRequired: false, isEditable: true, isBatchEditable: true, ...spec };
}

export const PROCESS_ATTRIBUTES: TAttribute[] = [
  attr("bk_biz_id", "business id", "业务ID", { type: "int", isEditable: false, isBatchEditable: false }),
  attr("bk_process_name", "process name", "进程名称", {
    ...single,
    isRequired: true,
    isBatchEditable: false,
    help: { en: "Name shown to users; unique in the business", zh: "对外显示的服务名，业务内唯一" },
  }),
  attr("description", "description", "进程描述", single),
  attr("bk_func_id", "function id", "功能ID", { ...single, isBatchEditable: false }),
  attr("bk_func_name", "function name", "功能名称", {
    ...single,
    isRequired: true,
    help: { en: "Binary name, e.g. java or nginx", zh: "程序二进制名称，如 java、nginx" },
  }),
  attr("bind_ip", "bind ip", "绑定IP", {
    type: "enum",
    group: "proc_port",
    options: [
      { id: "1", name: { en: "127.0.0.1", zh: "127.0.0.1" } },
      { id: "2", name: { en: "0.0.0.0", zh: "0.0.0.0" } },
      { id: "3", name: { en: "1st inner IP", zh: "第一内网IP" } },
      { id: "4", name: { en: "1st outer IP", zh: "第一外网IP" } },
    ],
  }),
  attr("port", "port", "端口", {
    ...single,
    group: "proc_port",
    help: { en: "80, 8080-8089 or 80,443,8000-8010; each 1-65535", zh: "如 80、8080-8089 或 80,443,8000-8010，每个端口 1-65535" },
  }),
  attr("protocol", "protocol", "协议", {
    type: "enum",
    group: "proc_port",
    options: [
      { id: "1", name: { en: "TCP", zh: "TCP" } },
      { id: "2", name: { en: "UDP", zh: "UDP" } },
    ],
  }),
  attr("work_path", "work path", "工作路径", { ...long, group: "proc_manage" }),
  attr("user", "process user", "启动用户", { ...single, group: "proc_manage" }),
  attr("proc_num", "process number", "启动数量", { ...int(1, 10000), group: "proc_manage" }),
  attr("priority", "process priority", "启动优先级", { ...int(1, 10000), group: "proc_manage" }),
  attr("timeout", "process timeout", "操作超时时长", {
    ...int(1, 10000),
    group: "proc_manage",
    help: { en: "Seconds an operation may take", zh: "操作允许的最长秒数" },
  }),
  attr("start_cmd", "start command", "启动命令", { ...long, group: "proc_manage" }),
  attr("stop_cmd", "stop command", "停止命令", { ...long, group: "proc_manage" }),
  attr("restart_cmd", "restart command", "重启命令", { ...long, group: "proc_manage" }),
  attr("face_stop_cmd", "force stop command", "强制停止命令", { ...long, group: "proc_manage" }),
  attr("reload_cmd", "reload command", "进程重载命令", { ...long, group: "proc_manage" }),
  attr("pid_file", "PID filepath", "PID文件路径", { ...long, group: "proc_manage" }),
  attr("auto_start", "autostart", "是否自动拉起", { type: "bool", group: "proc_manage" }),
  attr("auto_time_gap", "autostart period", "拉起间隔", { ...int(1, 10000), group: "proc_manage" }),
  attr("bk_start_param_regex", "startup parameter regex", "启动参数匹配规则", { ...long, group: "proc_manage" }),
];

export const ATTRIBUTES_BY_ID = new Map(PROCESS_ATTRIBUTES.map((attribute) => [attribute.id, attribute]));

/** Columns a search may return or sort by: every attribute plus the record's own keys. */
export const SEARCHABLE_FIELDS = ["bk_process_id", ...PROCESS_ATTRIBUTES.map((a) => a.id), "bk_supplier_account"];

export type TProcessAttributes = {
  bk_process_name: string;
  bk_func_name: string;
  bk_func_id: string;
  description: string;
  bind_ip: string | null;
  port: string;
  protocol: string | null;
  work_path: string;
  user: string;
  proc_num: number | null;
  priority: number | null;
  timeout: number | null;
  start_cmd: string;
  stop_cmd: string;
  restart_cmd: string;
  face_stop_cmd: string;
  reload_cmd: string;
  pid_file: string;
  auto_start: boolean | null;
  auto_time_gap: number | null;
  bk_start_param_regex: string;
};

export type TProcessRecord = TProcessAttributes & {
  bk_process_id: number;
  bk_biz_id: number;
  bk_supplier_account: string;
};
