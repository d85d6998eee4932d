// An administrator's change to a user: display name, disabled, global administrator. Disabling ends
// the user's sessions. Nobody can take their own global administrator flag or disable themselves, so
// the administrator making changes always remains and the console cannot lock everyone out.
import "server-only";
import { revokeSessions } from "@/lib/access/sessions/revoke-sessions";
import type { TUpdateUser } from "@/lib/access/users/user-input";
import { lockUser, readLastSignIns, toUserSummary, USER_SUMMARY_SELECT, type TUserSummary } from "@/lib/access/users/user-summary";
import { ApiError } from "@/lib/core/errors";
import { writeAuditEntries, type TActor, type TAuditInput } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";
import { text } from "@/lib/core/i18n";

export type TUserChangeContext = { actor: TActor; actorUserId: number };

export async function updateUser(userId: number, changes: TUpdateUser, { actor, actorUserId }: TUserChangeContext): Promise<TUserSummary> {
  if (userId === actorUserId) assertNotLockingSelfOut(changes);
  const updated = await getDb().$transaction(async (tx) => {
    const before = await lockUser(tx, userId);
    const isDisabled = before.disabledAt !== null;
    const entries: TAuditInput[] = [];
    const entry = (action: string, was: object, now: object): TAuditInput => ({ actor, bizId: null, objectType: "user", objectId: userId, objectName: before.username, action, before: was, after: now });

    if (changes.displayName !== undefined && changes.displayName !== before.displayName) entries.push(entry("update", { displayName: before.displayName }, { displayName: changes.displayName }));
    if (changes.isGlobalAdmin !== undefined && changes.isGlobalAdmin !== before.isGlobalAdmin) {
      entries.push(entry(changes.isGlobalAdmin ? "grant_global_admin" : "revoke_global_admin", { isGlobalAdmin: before.isGlobalAdmin }, { isGlobalAdmin: changes.isGlobalAdmin }));
    }
    if (changes.isDisabled !== undefined && changes.isDisabled !== isDisabled) entries.push(entry(changes.isDisabled ? "disable" : "enable", { isDisabled }, { isDisabled: changes.isDisabled }));
    if (!entries.length) return before;

    const row = await tx.user.update({
      where: { id: userId },
      data: {
        displayName: changes.displayName,
        isGlobalAdmin: changes.isGlobalAdmin,
        disabledAt: changes.isDisabled === undefined || changes.isDisabled === isDisabled ? undefined : changes.isDisabled ? new Date() : null,
      },
      select: USER_SUMMARY_SELECT,
    });
    await writeAuditEntries(tx, entries);
    if (changes.isDisabled === true && !isDisabled) await revokeSessions(tx, { id: userId, username: row.username }, { kind: "all" }, actor, "user disabled");
    return row;
  });
  const lastSignIns = await readLastSignIns([userId]);
  return toUserSummary(updated, lastSignIns.get(userId) ?? null);
}

function assertNotLockingSelfOut(changes: TUpdateUser) {
  if (changes.isGlobalAdmin === false) {
    const reason = text(
      "you cannot remove your own global administrator flag; another global administrator has to do it",
      "不能取消自己的全局管理员身份，请由其他全局管理员操作",
    );
    throw new ApiError("FIELD_CHECK_FAILED", text(`isGlobalAdmin: ${reason.en}`, `isGlobalAdmin：${reason.zh}`), [{ field: "isGlobalAdmin", reason }]);
  }
  if (changes.isDisabled === true) {
    const reason = text("you cannot disable your own account; another global administrator has to do it", "不能停用自己的账号，请由其他全局管理员操作");
    throw new ApiError("FIELD_CHECK_FAILED", text(`isDisabled: ${reason.en}`, `isDisabled：${reason.zh}`), [{ field: "isDisabled", reason }]);
  }
}
