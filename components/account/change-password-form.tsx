"use client";
// Change your own password: the current one, the new one twice. Every other session of yours ends;
// this one stays signed in.
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ErrorNotice } from "@/components/ui/notice";
import { PASSWORD_MIN_LENGTH } from "@/lib/access/users/user-input";
import { useChangeOwnPassword } from "@/lib/client/account/queries";
import { isConsoleApiError } from "@/lib/client/console-fetch";
import { useT } from "@/lib/client/i18n/lang-context";
import { useToast } from "@/lib/client/toast";

type TDraft = { currentPassword: string; newPassword: string; repeated: string };
type TProblems = Partial<Record<keyof TDraft, string>>;
const EMPTY: TDraft = { currentPassword: "", newPassword: "", repeated: "" };

export function ChangePasswordForm({ username, onChanged }: { username: string; onChanged: () => void }) {
  const t = useT();
  const id = useId();
  const { showToast } = useToast();
  const change = useChangeOwnPassword();
  const [draft, setDraft] = useState<TDraft>(EMPTY);
  const [problems, setProblems] = useState<TProblems>({});
  const serverFields = isConsoleApiError(change.error) ? change.error.fields : {};
  const problemOf = (field: keyof TDraft) => problems[field] ?? serverFields[field];

  const edit = (patch: Partial<TDraft>) => {
    setDraft({ ...draft, ...patch });
    setProblems({});
    if (change.isError) change.reset();
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const found: TProblems = {};
    if (!draft.currentPassword) found.currentPassword = t("accountCurrentRequired");
    if (draft.newPassword.length < PASSWORD_MIN_LENGTH) found.newPassword = t("adminPasswordRule", { min: PASSWORD_MIN_LENGTH });
    else if (draft.newPassword.trim().toLowerCase() === username.toLowerCase()) found.newPassword = t("adminPasswordNotUsername");
    else if (draft.newPassword === draft.currentPassword) found.newPassword = t("accountNewMustDiffer");
    if (!found.newPassword && draft.repeated !== draft.newPassword) found.repeated = t("accountRepeatMismatch");
    setProblems(found);
    if (Object.keys(found).length) return;
    change.mutate(
      { currentPassword: draft.currentPassword, newPassword: draft.newPassword },
      {
        onSuccess: ({ revokedSessions }) => {
          setDraft(EMPTY);
          showToast(t("accountPasswordChanged", { count: revokedSessions }));
          onChanged();
        },
      },
    );
  };

  const input = (field: keyof TDraft, label: string, autoComplete: string, help?: string) => (
    <Field id={`${id}-${field}`} label={label} help={help} error={problemOf(field)}>
      {(describedBy, isInvalid) => (
        <Input
          id={`${id}-${field}`}
          type="password"
          autoComplete={autoComplete}
          value={draft[field]}
          aria-describedby={describedBy}
          aria-invalid={isInvalid || undefined}
          onChange={(event) => edit({ [field]: event.target.value })}
        />
      )}
    </Field>
  );

  return (
    <form className="max-w-sm space-y-3" onSubmit={submit} noValidate>
      {/* lets password managers pair the new password with the account */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      {input("currentPassword", t("accountCurrentPassword"), "current-password")}
      {input("newPassword", t("accountNewPassword"), "new-password", t("adminPasswordRule", { min: PASSWORD_MIN_LENGTH }))}
      {input("repeated", t("accountRepeatPassword"), "new-password")}
      {change.isError && !Object.keys(serverFields).length && <ErrorNotice title={change.error.message} />}
      <Button type="submit" variant="primary" disabled={change.isPending}>
        {change.isPending ? t("saving") : t("accountChangePassword")}
      </Button>
    </form>
  );
}
