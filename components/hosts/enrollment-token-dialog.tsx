"use client";
// Issue a one-time enrolment token (optionally for one IP) and show it once, with the one-line
// install to run on the host (curl … /agent/install.sh | sh). Closing the dialog forgets the token.
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { DialogButton } from "@/components/ui/dialog-button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FOCUS_RING } from "@/components/ui/focus-ring";
import { Input } from "@/components/ui/input";
import { ErrorNotice, WarningNotice } from "@/components/ui/notice";
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
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      wide
      title={t("issueToken")}
      closeLabel={t("close")}
      footer={
        issued ? (
          <Button variant="primary" onClick={onClose}>
            {t("done")}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t("cancel")}</Button>
            <Button variant="primary" type="submit" form={`${ipId}-form`} disabled={issue.isPending}>
              {issue.isPending ? t("issuing") : t("issue")}
            </Button>
          </>
        )
      }
    >
      {issued ? (
        <div className="space-y-3">
          <WarningNotice title={t("tokenShownOnce")} />
          <CopyField label={t("tokenLabel")} value={issued.token} />
          <p className="text-xs text-slate-600 dark:text-slate-400">{t("tokenExpires", { time: formatMoment(lang, issued.expiresAt) })}</p>
          <CopyField label={t("installCommandLabel")} value={command} />
          <p className="text-xs text-slate-600 dark:text-slate-400">{t("installCommandHelp")}</p>
        </div>
      ) : (
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
      )}
    </Dialog>
  );
}

export function CopyField({ label, value, rows }: { label: string; value: string; rows?: number }) {
  const t = useT();
  const id = useId();
  const [isCopied, setIsCopied] = useState(false);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <div className="flex gap-2">
        <textarea
          id={id}
          readOnly
          rows={rows ?? (value.length > 70 ? 2 : 1)}
          value={value}
          onFocus={(event) => event.target.select()}
          className={`block w-full resize-none rounded-md border border-slate-300 bg-slate-50 px-2.5 py-1.5 font-mono text-xs break-all text-slate-900 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100 ${FOCUS_RING}`}
        />
        <Button
          onClick={() =>
            void navigator.clipboard?.writeText(value).then(
              () => setIsCopied(true),
              () => setIsCopied(false),
            )
          }
        >
          {isCopied ? t("copied") : t("copy")}
        </Button>
      </div>
    </div>
  );
}
