"use client";
// Issue a one-time enrolment token (optionally for one IP) and show it once, with the one-line
// install to run on the host (curl … /agent/install.sh | sh). Closing the dialog forgets the token.
import { useId, useState } from "react";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ErrorNotice } from "@/components/ui/notice";
import { CopyField, TokenDialog } from "@/components/hosts/token-dialog";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { useIssueEnrollmentToken } from "@/lib/client/hosts/mutations";
import { formatMoment } from "@/lib/client/operations/format";

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export function EnrollmentTokenButton() {
  const t = useT();
  return (
    <DialogButton variant="primary" renderDialog={({ isOpen, onClose }) => <EnrollmentTokenDialog isOpen={isOpen} onClose={onClose} />}>
      {t("issueToken")}
    </DialogButton>
  );
}

/** A host's own row: the dialog opens for its IP and cloud area, ready to issue. */
export function InstallAgentButton({ ip, cloudId }: { ip: string; cloudId: number }) {
  const t = useT();
  return (
    <DialogButton size="sm" variant="ghost" aria-label={t("installAgentNamed", { ip })} renderDialog={({ isOpen, onClose }) => (
        // the button sits in a table cell that does not wrap; the dialog's text must
        <span className="whitespace-normal">
          <EnrollmentTokenDialog isOpen={isOpen} onClose={onClose} initialIp={ip} cloudId={cloudId} />
        </span>
      )}>
      {t("installAgent")}
    </DialogButton>
  );
}

function EnrollmentTokenDialog({ isOpen, onClose, initialIp = "", cloudId }: { isOpen: boolean; onClose: () => void; initialIp?: string; cloudId?: number }) {
  const t = useT();
  const { lang } = useLang();
  const issue = useIssueEnrollmentToken();
  const [ip, setIp] = useState(initialIp);
  const [isIpShownInvalid, setIsIpShownInvalid] = useState(false);
  const ipId = useId();
  const issued = issue.data;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const trimmed = ip.trim();
    if (trimmed && !IPV4.test(trimmed)) {
      setIsIpShownInvalid(true);
      return;
    }
    issue.mutate(trimmed ? { ip: trimmed, ...(cloudId && { cloudId }) } : {});
  };
  const server = typeof window === "undefined" ? "" : window.location.origin;
  const command = issued ? (issued.installCommand ?? `curl -fsSL ${server}/agent/install.sh | sh -s -- --token ${issued.token}${ip.trim() ? ` --ip ${ip.trim()}` : ""}`) : "";

  return (
    <TokenDialog
      isOpen={isOpen}
      onClose={onClose}
      title={t("issueToken")}
      formId={`${ipId}-form`}
      submitLabel={t("issue")}
      isPending={issue.isPending}
      canSubmit
      issued={
        issued && (
          <>
            <CopyField label={t("tokenLabel")} value={issued.token} />
            <p className="text-xs text-slate-600 dark:text-slate-400">{t("tokenExpires", { time: formatMoment(lang, issued.expiresAt) })}</p>
            <CopyField label={t("installCommandLabel")} value={command} />
            <p className="text-xs text-slate-600 dark:text-slate-400">{t("installCommandHelp")}</p>
          </>
        )
      }
    >
      <form id={`${ipId}-form`} className="space-y-3" onSubmit={submit}>
        <p>{t("issueTokenBody")}</p>
        <Field id={ipId} label={t("tokenIpLabel")} help={t("tokenIpHelp")} error={isIpShownInvalid ? t("invalidIp") : undefined}>
          {(describedBy, isInvalid) => (
            <Input
              id={ipId}
              className="w-56! font-mono"
              value={ip}
              placeholder="10.0.0.5"
              aria-describedby={describedBy}
              aria-invalid={isInvalid || undefined}
              onChange={(event) => {
                setIp(event.target.value);
                setIsIpShownInvalid(false);
              }}
            />
          )}
        </Field>
        {issue.isError && <ErrorNotice title={issue.error.message} />}
      </form>
    </TokenDialog>
  );
}
