// What the audit page calls object types and actions in the UI language (pickers and badges), and
// each entry as one sentence: "admin started nginx on 3 hosts", "admin 在 3 台主机上启动了 nginx".
// Codes the console does not know stay as they are; the idle pool's names show in the UI language.
// Browser-safe.
import { OP_TYPE } from "@/lib/protocol/op-types";
import type { TAuditEntry } from "@/lib/audit/list-audit-entries";
import type { TMessageKey } from "@/lib/client/i18n/messages";
import type { TVars } from "@/lib/client/i18n/translate";
import { showPlacementLabel, showSetName } from "@/lib/client/topology/idle-pool-names";
import type { TLang } from "@/lib/core/i18n";

type TTranslate = (key: TMessageKey, vars?: TVars) => string;

/** Every object type the server writes, in picker order: [picker label, noun in a sentence]. */
const OBJECT_TYPES = {
  process: ["auditTypeProcess", "auditNounProcess"],
  task: ["auditTypeTask", "auditNounTask"],
  host: ["auditTypeHost", "auditNounHost"],
  host_module: ["auditTypeHostModule", "auditNounHostModule"],
  managed_process: ["auditTypeManagedProcess", "auditNounManagedProcess"],
  registered_process: ["auditTypeRegisteredProcess", "auditNounRegisteredProcess"],
  business: ["auditTypeBusiness", "auditNounBusiness"],
  set: ["auditTypeSet", "auditNounSet"],
  module: ["auditTypeModule", "auditNounModule"],
  user: ["auditTypeUser", "auditNounUser"],
  user_role: ["auditTypeUserRole", "auditNounUserRole"],
  app: ["auditTypeApp", "auditNounApp"],
  app_role: ["auditTypeAppRole", "auditNounAppRole"],
  session: ["auditTypeSession", "auditNounSession"],
  enrollment_token: ["auditTypeEnrollmentToken", "auditNounEnrollmentToken"],
  agent: ["auditTypeAgent", "auditNounAgent"],
} as const satisfies Record<string, [TMessageKey, TMessageKey]>;

/** Every action the server writes, in picker order: [picker label, verb in a sentence]. */
const ACTIONS = {
  create: ["auditDoCreate", "auditDidCreate"],
  update: ["auditDoUpdate", "auditDidUpdate"],
  delete: ["auditDoDelete", "auditDidDelete"],
  rename: ["auditDoRename", "auditDidRename"],
  bind: ["auditDoBind", "auditDidBind"],
  unbind: ["auditDoUnbind", "auditDidUnbind"],
  operate: ["auditDoOperate", "auditDidOperate"],
  import: ["auditDoImport", "auditDidImport"],
  add: ["auditDoAdd", "auditDidAdd"],
  move: ["auditDoMove", "auditDidMove"],
  remove: ["auditDoRemove", "auditDidRemove"],
  remove_from_business: ["auditDoRemoveFromBusiness", "auditDidRemoveFromBusiness"],
  grant: ["auditDoGrant", "auditDidGrant"],
  change: ["auditDoChange", "auditDidChange"],
  revoke: ["auditDoRevoke", "auditDidRevoke"],
  revoke_all: ["auditDoRevokeAll", "auditDidRevokeAll"],
  revoke_others: ["auditDoRevokeOthers", "auditDidRevokeOthers"],
  issue: ["auditDoIssue", "auditDidIssue"],
  enroll_agent: ["auditDoEnrollAgent", "auditDidEnrollAgent"],
  rotate_secret: ["auditDoRotateSecret", "auditDidRotateSecret"],
  reset_password: ["auditDoResetPassword", "auditDidResetPassword"],
  change_password: ["auditDoChangePassword", "auditDidChangePassword"],
  disable: ["auditDoDisable", "auditDidDisable"],
  enable: ["auditDoEnable", "auditDidEnable"],
  sign_in: ["auditDoSignIn", "auditDidSignIn"],
  sign_out: ["auditDoSignOut", "auditDidSignOut"],
  register: ["auditDoRegister", "auditDidRegister"],
  unregister: ["auditDoUnregister", "auditDidUnregister"],
  restarted: ["auditDoRestarted", "auditDidRestarted"],
  restart_failed: ["auditDoRestartFailed", "auditDidRestartFailed"],
  gave_up: ["auditDoGaveUp", "auditDidGaveUp"],
  load_demo_data: ["auditDoLoadDemoData", "auditDidLoadDemoData"],
  set_dispatch: ["auditDoSetDispatch", "auditDidSetDispatch"],
  clear_dispatch: ["auditDoClearDispatch", "auditDidClearDispatch"],
} as const satisfies Record<string, [TMessageKey, TMessageKey]>;

const OP_VERBS: Record<number, TMessageKey> = {
  [OP_TYPE.START]: "auditOpStarted",
  [OP_TYPE.STOP]: "auditOpStopped",
  [OP_TYPE.RESTART]: "auditOpRestarted",
  [OP_TYPE.RELOAD]: "auditOpReloaded",
  [OP_TYPE.KILL]: "auditOpKilled",
  [OP_TYPE.STATUS]: "auditOpChecked",
  [OP_TYPE.REGISTER]: "auditOpRegistered",
  [OP_TYPE.UNREGISTER]: "auditOpUnregistered",
};

export const AUDIT_OBJECT_TYPES = Object.keys(OBJECT_TYPES);
export const AUDIT_ACTIONS = Object.keys(ACTIONS);

export function objectTypeLabel(t: TTranslate, type: string): string {
  const keys = (OBJECT_TYPES as Record<string, readonly [TMessageKey, TMessageKey]>)[type];
  return keys ? t(keys[0]) : type;
}

export function actionLabel(t: TTranslate, action: string): string {
  const keys = (ACTIONS as Record<string, readonly [TMessageKey, TMessageKey]>)[action];
  return keys ? t(keys[0]) : action;
}

/** The object's name as people read it: the idle pool's set and modules in the UI language (stored as BlueKing names them). */
export function showObjectName(lang: TLang, entry: Pick<TAuditEntry, "objectType" | "objectName">): string {
  if (entry.objectType === "set") return showSetName(lang, entry.objectName);
  if (entry.objectType === "module") return showPlacementLabel(lang, entry.objectName);
  return entry.objectName;
}

type TSentenceEntry = Pick<TAuditEntry, "actor" | "objectType" | "objectId" | "objectName" | "action" | "before" | "after">;

/** The entry as one sentence in the UI language. */
export function describeAuditEntry(t: TTranslate, entry: TSentenceEntry): string {
  const actor = entry.actor;
  const name = entry.objectName || `#${entry.objectId}`;
  if (entry.action === "operate") return describeOperation(t, entry, name);
  if (entry.action === "sign_in" || entry.action === "sign_out") return t("auditSentenceNoObject", { actor, verb: t(ACTIONS[entry.action][1]) });
  if (entry.objectType === "process" && (entry.action === "bind" || entry.action === "unbind")) {
    const module = String((entry.action === "bind" ? entry.after : entry.before)?.bk_module_name ?? "");
    return t(entry.action === "bind" ? "auditSentenceBind" : "auditSentenceUnbind", { actor, name, module });
  }
  const verbKey = entry.objectType === "session" && entry.action === "revoke" ? "auditDidRevokeSession" : (ACTIONS as Record<string, readonly [TMessageKey, TMessageKey]>)[entry.action]?.[1];
  const nounKey = (OBJECT_TYPES as Record<string, readonly [TMessageKey, TMessageKey]>)[entry.objectType]?.[1];
  return t("auditSentence", { actor, verb: verbKey ? t(verbKey) : entry.action, noun: nounKey ? t(nounKey) : entry.objectType, name });
}

function describeOperation(t: TTranslate, entry: TSentenceEntry, name: string): string {
  const opType = Number(entry.after?.op_type);
  const verb = OP_VERBS[opType];
  const op = verb ? t(verb) : t("auditOpOther", { op: String(entry.after?.op_type ?? "?") });
  const count = Number(entry.after?.rows ?? 0);
  const processCount = entry.objectName ? entry.objectName.split(", ").length : 1;
  const sentence =
    processCount > 1 ? t("auditSentenceOperateMany", { actor: entry.actor, op, name, count }) : t(count === 1 ? "auditSentenceOperateOne" : "auditSentenceOperate", { actor: entry.actor, op, name, count });
  const retryOf = entry.after?.retry_of;
  return typeof retryOf === "string" && retryOf ? t("auditSentenceRetry", { sentence, task: retryOf }) : sentence;
}
