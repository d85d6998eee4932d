// Console text for a business's dispatch backend (Procdeck's agents or an existing GSE), in English and Chinese.
import type { TLocalText } from "@/lib/core/i18n";

export const DISPATCH_MESSAGES = {
  dispatchAction: { en: "Dispatch", zh: "下发方式" },
  dispatchActionNamed: { en: "Dispatch of business {name}", zh: "业务 {name} 的下发方式" },
  dispatchIntro: { en: "Who carries out this business's operations. Tasks already queued keep theirs.", zh: "由谁执行该业务的进程操作。已创建的任务不受影响。" },
  dispatchBackend: { en: "Carried out by", zh: "执行方" },
  dispatchProcdeck: { en: "Procdeck's agents", zh: "Procdeck 自带 Agent" },
  dispatchGse: { en: "An existing GSE (through its API gateway)", zh: "已有的 GSE（经 API 网关）" },
  dispatchGatewayUrl: { en: "GSE component URL", zh: "GSE 组件地址" },
  dispatchGatewayUrlHelp: { en: "The ESB prefix, ending in /api/c/compapi/v2/gse/", zh: "ESB 前缀，以 /api/c/compapi/v2/gse/ 结尾" },
  dispatchAppCode: { en: "bk_app_code", zh: "bk_app_code" },
  dispatchAppSecret: { en: "bk_app_secret", zh: "bk_app_secret" },
  dispatchAppSecretKept: { en: "Leave empty to keep the stored secret (never shown).", zh: "留空则保留已保存的密钥（不会显示）。" },
  dispatchUsername: { en: "bk_username", zh: "bk_username" },
  dispatchNotSealed: { en: "PROCDECK_SECRET_KEY is not set: the secret is stored as given, so the database is as sensitive as the secret.", zh: "未设置 PROCDECK_SECRET_KEY：密钥按原文保存，数据库与密钥同等敏感。" },
  dispatchSave: { en: "Save", zh: "保存" },
  dispatchSaved: { en: "Dispatch of {name} saved", zh: "已保存 {name} 的下发方式" },
  dispatchLoadError: { en: "The dispatch setting could not be loaded.", zh: "无法加载下发方式。" },
  // the task page
  dispatchSentToGse: { en: "GSE task", zh: "GSE 任务" },
  dispatchNotSentYet: { en: "not sent", zh: "未下发" },
  // the audit trail's action names (lib/client/audit/audit-labels.ts)
  auditDoSetDispatch: { en: "Set dispatch", zh: "设置下发方式" },
  auditDidSetDispatch: { en: "set the dispatch of", zh: "设置了下发方式：" },
  auditDoClearDispatch: { en: "Clear dispatch", zh: "恢复默认下发" },
  auditDidClearDispatch: { en: "switched back to Procdeck's agents:", zh: "恢复为 Procdeck Agent 下发：" },
} as const satisfies Record<string, TLocalText>;
