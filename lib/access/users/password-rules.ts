// What a new password must be, beyond its length (checked by ZNewPassword): not the username.
import { ApiError } from "@/lib/core/errors";
import { text } from "@/lib/core/i18n";

export function assertPasswordAllowed(password: string, username: string, field: string): void {
  if (password.trim().toLowerCase() !== username.trim().toLowerCase()) return;
  const reason = text("the password must not be the username", "密码不能与用户名相同");
  throw new ApiError("FIELD_CHECK_FAILED", text(`${field}: ${reason.en}`, `${field}：${reason.zh}`), [{ field, reason }]);
}
