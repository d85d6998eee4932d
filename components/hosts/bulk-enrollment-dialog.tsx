"use client";
// One-time enrolment tokens for many IPs at once (one request, one transaction on the server), each
// with its own install line, and every line together for a fleet tool to run. Shown once.
import { useId, useState } from "react";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { ErrorNotice } from "@/components/ui/notice";
import { CopyField, TokenDialog } from "@/components/hosts/token-dialog";
import { useT } from "@/lib/client/i18n/lang-context";
import { useIssueEnrollmentTokens } from "@/lib/client/hosts/mutations";

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const MAX_IPS = 500;

export function BulkEnrollmentButton() {
  const t = useT();
  return <DialogButton renderDialog={({ isOpen, onClose }) => <BulkEnrollmentDialog isOpen={isOpen} onClose={onClose} />}>{t("bulkTokens")}</DialogButton>;
}

function parseIps(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
}

function BulkEnrollmentDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const t = useT();
  const issue = useIssueEnrollmentTokens();
  const id = useId();
  const [text, setText] = useState("");
  const [cloudId, setCloudId] = useState("0");
  const [error, setError] = useState<string | null>(null);
  const ips = parseIps(text);
  const tokens = issue.data?.tokens;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const invalid = ips.filter((ip) => !IPV4.test(ip));
    if (!ips.length) return setError(t("bulkNoIps"));
    if (invalid.length) return setError(t("bulkInvalidIps", { ips: invalid.slice(0, 5).join(", ") }));
    if (ips.length > MAX_IPS) return setError(t("bulkTokensTooMany"));
    issue.mutate({ ips, cloudId: Number(cloudId) || 0 });
  };

  return (
    <TokenDialog
      isOpen={isOpen}
      onClose={onClose}
      title={t("bulkTokens")}
      formId={`${id}-form`}
      submitLabel={t("bulkIssue", { count: ips.length })}
      isPending={issue.isPending}
      canSubmit={ips.length > 0}
      issued={
        tokens && (
          <>
            <CopyField label={t("bulkAllLines")} rows={Math.min(8, tokens.length * 2)} value={tokens.map((entry) => entry.installCommand ?? entry.token).join("\n")} />
            <ul className="max-h-64 space-y-2 overflow-y-auto" aria-label={t("installCommandLabel")}>
              {tokens.map((entry) => (
                <li key={entry.ip} data-ip={entry.ip}>
                  <CopyField label={entry.ip} value={entry.installCommand ?? entry.token} />
                </li>
              ))}
            </ul>
          </>
        )
      }
    >
      <form id={`${id}-form`} className="space-y-3" onSubmit={submit}>
        <p>{t("bulkTokensBody")}</p>
        <Field id={`${id}-ips`} label={t("bulkIpsLabel")} error={error ?? undefined}>
          {(describedBy, isInvalid) => (
            <Textarea
              id={`${id}-ips`}
              rows={6}
              className="font-mono text-xs"
              value={text}
              placeholder={"10.0.0.5\n10.0.0.6"}
              aria-describedby={describedBy}
              aria-invalid={isInvalid || undefined}
              onChange={(event) => {
                setText(event.target.value);
                setError(null);
              }}
            />
          )}
        </Field>
        <Field id={`${id}-cloud`} label={t("bulkCloudLabel")}>
          {(describedBy) => <Input id={`${id}-cloud`} className="w-24!" inputMode="numeric" value={cloudId} aria-describedby={describedBy} onChange={(event) => setCloudId(event.target.value.replace(/\D/g, ""))} />}
        </Field>
        {issue.isError && <ErrorNotice title={issue.error.message} />}
      </form>
    </TokenDialog>
  );
}
