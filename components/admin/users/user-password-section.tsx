"use client";
// Password state of one user and the reset: a new generated password, shown once; the user must
// change it at their next sign-in, and every session of theirs ends at once.
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { FOCUS_RING } from "@/components/ui/focus-ring";
import { ErrorNotice } from "@/components/ui/notice";
import { Moment } from "@/components/admin/moment";
import { Section } from "@/components/admin/section";
import { SecretOnce } from "@/components/admin/secret-once";
import type { TUserSummary } from "@/lib/access/users/user-summary";
import { useResetPassword } from "@/lib/client/admin/user-mutations";
import { useT } from "@/lib/client/i18n/lang-context";

export function UserPasswordSection({ user, isSelf }: { user: TUserSummary; isSelf: boolean }) {
  const t = useT();
  const reset = useResetPassword(user.id);
  const [isAsked, setIsAsked] = useState(false);
  const generated = reset.data?.generatedPassword;

  return (
    <Section
      title={t("adminPasswordTitle")}
      actions={
        !isSelf && (
          <Button
            onClick={() => {
              reset.reset();
              setIsAsked(true);
            }}
          >
            {t("adminResetPassword")}
          </Button>
        )
      }
    >
      <p className="text-sm">
        {t("adminPasswordChanged")} <Moment iso={user.passwordChangedAt} />
        {user.mustChangePassword && <span className="ml-2 text-amber-700 dark:text-amber-400">{t("adminMustChangePasswordLong")}</span>}
      </p>
      {isSelf && (
        <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
          {t("adminOwnPasswordHint")}{" "}
          <Link href="/account" className={`rounded text-blue-700 hover:underline dark:text-blue-400 ${FOCUS_RING}`}>
            {t("accountTitle")}
          </Link>
        </p>
      )}
      <ConfirmDialog
        isOpen={isAsked && !generated}
        onClose={() => setIsAsked(false)}
        title={t("adminResetTitle", { name: user.username })}
        confirmLabel={t("adminResetConfirm")}
        pendingLabel={t("adminResetting")}
        isDanger
        isPending={reset.isPending}
        onConfirm={() => reset.mutate()}
      >
        <p>{t("adminResetBody")}</p>
        {reset.isError && <ErrorNotice title={reset.error.message} />}
      </ConfirmDialog>
      <Dialog
        isOpen={isAsked && generated !== undefined}
        onClose={() => setIsAsked(false)}
        title={t("adminResetDone", { name: user.username })}
        closeLabel={t("close")}
        footer={
          <Button variant="primary" onClick={() => setIsAsked(false)}>
            {t("adminDone")}
          </Button>
        }
      >
        {generated && <SecretOnce label={t("adminNewPassword")} value={generated} warning={t("adminPasswordShownOnce")} />}
        <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">{t("adminResetAfter", { count: reset.data?.revokedSessions ?? 0 })}</p>
      </Dialog>
    </Section>
  );
}
