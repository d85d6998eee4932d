"use client";
// Display name, global administrator and "may sign in" of one user. Disabling asks first: it also
// ends every session of the user.
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { Section } from "@/components/admin/section";
import type { TUserSummary } from "@/lib/access/users/user-summary";
import { useUpdateUser } from "@/lib/client/admin/user-mutations";
import { useT } from "@/lib/client/i18n/lang-context";
import { useToast } from "@/lib/client/toast";

export function UserProfileSection({ user, isSelf }: { user: TUserSummary; isSelf: boolean }) {
  const t = useT();
  const id = useId();
  const { showToast } = useToast();
  const update = useUpdateUser(user.id);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [isDisableAsked, setIsDisableAsked] = useState(false);
  const isNameChanged = displayName.trim() !== user.displayName;

  const save = (changes: Parameters<typeof update.mutate>[0], success: string, onDone?: () => void) =>
    update.mutate(changes, {
      onSuccess: () => {
        showToast(success);
        onDone?.();
      },
      onError: (error) => showToast(error.message, "error"),
    });

  return (
    <Section title={t("adminProfileTitle")}>
      <div className="grid gap-4 md:grid-cols-2">
        <form
          className="space-y-1"
          onSubmit={(event) => {
            event.preventDefault();
            if (isNameChanged) save({ displayName: displayName.trim() }, t("adminSavedDisplayName"));
          }}
        >
          <label htmlFor={`${id}-name`} className="text-xs font-medium text-slate-700 dark:text-slate-300">
            {t("adminDisplayName")}
          </label>
          <div className="flex gap-2">
            <Input id={`${id}-name`} value={displayName} maxLength={100} onChange={(event) => setDisplayName(event.target.value)} />
            <Button type="submit" disabled={!isNameChanged || update.isPending}>
              {t("adminSave")}
            </Button>
          </div>
        </form>
        <div className="space-y-3">
          <FlagRow
            label={t("adminGlobalAdmin")}
            help={isSelf ? t("adminCannotUnadminSelf") : t("adminGlobalAdminHelp")}
            isOn={user.isGlobalAdmin}
            isLocked={isSelf && user.isGlobalAdmin}
            isPending={update.isPending}
            onChange={(isOn) => save({ isGlobalAdmin: isOn }, isOn ? t("adminMadeGlobalAdmin", { name: user.username }) : t("adminUnmadeGlobalAdmin", { name: user.username }))}
          />
          <FlagRow
            label={t("adminMaySignIn")}
            help={isSelf ? t("adminCannotDisableSelf") : t("adminMaySignInHelp")}
            isOn={!user.isDisabled}
            isLocked={isSelf && !user.isDisabled}
            isPending={update.isPending}
            onChange={(isOn) => (isOn ? save({ isDisabled: false }, t("adminEnabledUser", { name: user.username })) : setIsDisableAsked(true))}
          />
        </div>
      </div>
      <ConfirmDialog
        isOpen={isDisableAsked}
        onClose={() => setIsDisableAsked(false)}
        title={t("adminDisableTitle", { name: user.username })}
        confirmLabel={t("adminDisableConfirm")}
        pendingLabel={t("saving")}
        isDanger
        isPending={update.isPending}
        onConfirm={() => save({ isDisabled: true }, t("adminDisabledUser", { name: user.username }), () => setIsDisableAsked(false))}
      >
        <p>{t("adminDisableBody")}</p>
      </ConfirmDialog>
    </Section>
  );
}

type TFlagRowProps = { label: string; help: string; isOn: boolean; isLocked: boolean; isPending: boolean; onChange: (isOn: boolean) => void };

function FlagRow({ label, help, isOn, isLocked, isPending, onChange }: TFlagRowProps) {
  return (
    <div className="flex items-start gap-3">
      <Switch isOn={isOn} label={label} onChange={onChange} disabled={isLocked || isPending} className="mt-0.5 disabled:cursor-not-allowed disabled:opacity-50" />
      <div>
        <p className="text-sm font-medium">{label}</p>
        <p className="text-xs text-slate-500 dark:text-slate-400">{help}</p>
      </div>
    </div>
  );
}
