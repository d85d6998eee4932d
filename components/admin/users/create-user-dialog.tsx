"use client";
// "New user": username, display name, and an initial password the administrator types or has
// generated (then shown once). The new user must choose their own password at first sign-in; roles
// are granted on the user's page, which opens next.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button, LinkButton } from "@/components/ui/button";
import { DialogButton } from "@/components/ui/dialog-button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ErrorNotice } from "@/components/ui/notice";
import { SecretOnce } from "@/components/admin/secret-once";
import { PASSWORD_MIN_LENGTH, USERNAME_PATTERN } from "@/lib/access/users/user-input";
import { useCreateUser } from "@/lib/client/admin/user-mutations";
import { isConsoleApiError } from "@/lib/client/console-fetch";
import { useT } from "@/lib/client/i18n/lang-context";
import { useToast } from "@/lib/client/toast";

export function CreateUserButton() {
  const t = useT();
  return (
    <DialogButton variant="primary" renderDialog={({ isOpen, onClose }) => <CreateUserDialog isOpen={isOpen} onClose={onClose} />}>
      {t("adminNewUser")}
    </DialogButton>
  );
}

type TDraft = { username: string; displayName: string; isPasswordGenerated: boolean; password: string; isGlobalAdmin: boolean };
type TProblems = Partial<Record<"username" | "password", string>>;

function CreateUserDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const t = useT();
  const router = useRouter();
  const { showToast } = useToast();
  const id = useId();
  const create = useCreateUser();
  const [draft, setDraft] = useState<TDraft>({ username: "", displayName: "", isPasswordGenerated: true, password: "", isGlobalAdmin: false });
  const [problems, setProblems] = useState<TProblems>({});
  const created = create.data;
  const serverFields = isConsoleApiError(create.error) ? create.error.fields : {};
  const change = (patch: Partial<TDraft>) => {
    setDraft({ ...draft, ...patch });
    setProblems({});
    create.reset();
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const username = draft.username.trim();
    const found: TProblems = {};
    if (!USERNAME_PATTERN.test(username)) found.username = t("adminUsernameRule");
    if (!draft.isPasswordGenerated && draft.password.length < PASSWORD_MIN_LENGTH) found.password = t("adminPasswordRule", { min: PASSWORD_MIN_LENGTH });
    else if (!draft.isPasswordGenerated && draft.password.trim().toLowerCase() === username.toLowerCase()) found.password = t("adminPasswordNotUsername");
    setProblems(found);
    if (Object.keys(found).length) return;
    create.mutate(
      { username, displayName: draft.displayName.trim(), isGlobalAdmin: draft.isGlobalAdmin, ...(draft.isPasswordGenerated ? {} : { password: draft.password }) },
      {
        onSuccess: (result) => {
          if (result.generatedPassword) return;
          showToast(t("adminUserCreated", { name: result.user.username }));
          router.push(`/admin/users/${result.user.id}`);
        },
      },
    );
  };

  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      title={created?.generatedPassword ? t("adminUserCreated", { name: created.user.username }) : t("adminNewUser")}
      closeLabel={t("close")}
      footer={
        created?.generatedPassword ? (
          <>
            <Button onClick={onClose}>{t("adminDone")}</Button>
            <LinkButton variant="primary" href={`/admin/users/${created.user.id}`}>
              {t("adminOpenUser", { name: created.user.username })}
            </LinkButton>
          </>
        ) : (
          <>
            <Button onClick={onClose}>{t("cancel")}</Button>
            <Button variant="primary" type="submit" form={`${id}-form`} disabled={create.isPending || create.isSuccess}>
              {create.isPending ? t("adminCreating") : t("adminCreateUser")}
            </Button>
          </>
        )
      }
    >
      {created?.generatedPassword ? (
        <div className="space-y-3">
          <SecretOnce label={t("adminInitialPassword")} value={created.generatedPassword} warning={t("adminPasswordShownOnce")} />
          <p className="text-xs text-slate-600 dark:text-slate-400">{t("adminNextGrantRoles")}</p>
        </div>
      ) : (
        <form id={`${id}-form`} className="space-y-3" onSubmit={submit} noValidate>
          <Field id={`${id}-username`} label={t("username")} isRequired requiredLabel={t("requiredMark")} help={t("adminUsernameRule")} error={problems.username ?? serverFields.username}>
            {(describedBy, isInvalid) => (
              <Input id={`${id}-username`} autoComplete="off" value={draft.username} aria-describedby={describedBy} aria-invalid={isInvalid || undefined} onChange={(event) => change({ username: event.target.value })} />
            )}
          </Field>
          <Field id={`${id}-display`} label={t("adminDisplayName")}>
            {(describedBy) => <Input id={`${id}-display`} autoComplete="off" value={draft.displayName} maxLength={100} aria-describedby={describedBy} onChange={(event) => change({ displayName: event.target.value })} />}
          </Field>
          <fieldset className="space-y-2">
            <legend className="text-xs font-medium text-slate-700 dark:text-slate-300">{t("adminInitialPassword")}</legend>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name={`${id}-pw`} checked={draft.isPasswordGenerated} onChange={() => change({ isPasswordGenerated: true })} className="accent-blue-600" />
              {t("adminGeneratePassword")}
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name={`${id}-pw`} checked={!draft.isPasswordGenerated} onChange={() => change({ isPasswordGenerated: false })} className="accent-blue-600" />
              {t("adminChoosePassword")}
            </label>
            {!draft.isPasswordGenerated && (
              <Field id={`${id}-password`} label={t("adminInitialPasswordInput")} help={t("adminPasswordRule", { min: PASSWORD_MIN_LENGTH })} error={problems.password ?? serverFields.password}>
                {(describedBy, isInvalid) => (
                  <Input id={`${id}-password`} type="password" autoComplete="new-password" value={draft.password} aria-describedby={describedBy} aria-invalid={isInvalid || undefined} onChange={(event) => change({ password: event.target.value })} />
                )}
              </Field>
            )}
            <p className="text-xs text-slate-500 dark:text-slate-400">{t("adminMustChangeHint")}</p>
          </fieldset>
          <label className="flex items-start gap-2 text-sm">
            <Checkbox className="mt-0.5" checked={draft.isGlobalAdmin} onChange={(event) => change({ isGlobalAdmin: event.target.checked })} />
            <span>
              {t("adminMakeGlobalAdmin")}
              <span className="block text-xs text-slate-500 dark:text-slate-400">{t("adminGlobalAdminHelp")}</span>
            </span>
          </label>
          {create.isError && !Object.keys(serverFields).length && <ErrorNotice title={create.error.message} />}
        </form>
      )}
    </Dialog>
  );
}
