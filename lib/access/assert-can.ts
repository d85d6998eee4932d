// The console's one authorisation point. Today's policy: every signed-in user may view and edit every
// business. Per-business roles (viewer / operator / admin) replace the body of `canUser`, nothing else.
import { ApiError } from "@/lib/api/errors";
import type { TSessionUser } from "@/lib/access/read-session";
import { text } from "@/lib/i18n";

export type TConsoleAction = "view" | "edit";

export function canUser(user: TSessionUser | null, _action: TConsoleAction, _bizId: number | null): boolean {
  return user !== null;
}

export function assertCan(user: TSessionUser | null, action: TConsoleAction, bizId: number | null): void {
  if (!canUser(user, action, bizId)) {
    throw new ApiError("FORBIDDEN", text(`you may not ${action} business ${bizId ?? ""}`.trim(), `没有${action === "view" ? "查看" : "修改"}业务 ${bizId ?? ""} 的权限`));
  }
}

export function actorOfUser(user: TSessionUser) {
  return { type: "user" as const, name: user.username };
}
