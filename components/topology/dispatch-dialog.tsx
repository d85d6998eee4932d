"use client";
// A global administrator chooses who carries out a business's operations: Procdeck's agents, or an
// existing GSE through its API gateway (README, "Beyond one fleet"). The stored secret is never shown;
// leaving the field empty keeps it.
import { useId, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ErrorNotice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { SkeletonRows } from "@/components/ui/skeleton";
import { useT } from "@/lib/client/i18n/lang-context";
import { useToast } from "@/lib/client/toast";
import { useDispatchBackend, useSetDispatchBackend } from "@/lib/client/topology/dispatch-queries";
import type { TDispatchBackendView } from "@/lib/operations/dispatch/gse-backend-config";

type TBusiness = { bizId: number; name: string };

export function DispatchDialog({ business, onClose }: { business: TBusiness; onClose: () => void }) {
  const t = useT();
  const current = useDispatchBackend(business.bizId);
  const title = t("dispatchActionNamed", { name: business.name });
  if (current.isError) {
    return (
      <ConfirmDialog isOpen onClose={onClose} title={title} confirmLabel={t("retry")} isPending={false} onConfirm={() => current.refetch()}>
        <ErrorNotice title={t("dispatchLoadError")} message={current.error.message} />
      </ConfirmDialog>
    );
  }
  if (!current.data) {
    return (
      <ConfirmDialog isOpen onClose={onClose} title={title} confirmLabel={t("dispatchSave")} isPending>
        <table className="w-full">
          <tbody>
            <SkeletonRows rows={3} columns={1} />
          </tbody>
        </table>
      </ConfirmDialog>
    );
  }
  return <DispatchForm business={business} current={current.data} title={title} onClose={onClose} />;
}

function DispatchForm({ business, current, title, onClose }: { business: TBusiness; current: TDispatchBackendView; title: string; onClose: () => void }) {
  const t = useT();
  const id = useId();
  const { showToast } = useToast();
  const save = useSetDispatchBackend(business.bizId);
  const stored = current.backend === "gse" ? current : null;
  const [backend, setBackend] = useState<"procdeck" | "gse">(current.backend);
  const [gatewayUrl, setGatewayUrl] = useState(stored?.gatewayUrl ?? "");
  const [appCode, setAppCode] = useState(stored?.appCode ?? "");
  const [appSecret, setAppSecret] = useState("");
  const [username, setUsername] = useState(stored?.username ?? "admin");

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const input = backend === "procdeck" ? { backend } : { backend, gatewayUrl, appCode, username, ...(appSecret ? { appSecret } : {}) };
    save.mutate(input, {
      onSuccess: () => {
        showToast(t("dispatchSaved", { name: business.name }));
        onClose();
      },
    });
  };

  const text = (key: string, label: string, value: string, onChange: (value: string) => void, extra: { help?: string; type?: string; isRequired?: boolean } = {}) => (
    <Field id={`${id}-${key}`} label={label} isRequired={extra.isRequired ?? true} requiredLabel={t("requiredMark")} help={extra.help}>
      {(describedBy) => <Input id={`${id}-${key}`} type={extra.type ?? "text"} autoComplete="off" value={value} aria-describedby={describedBy} onChange={(event) => onChange(event.target.value)} />}
    </Field>
  );

  return (
    <ConfirmDialog isOpen onClose={onClose} title={title} confirmLabel={t("dispatchSave")} pendingLabel={t("saving")} isPending={save.isPending} formId={`${id}-form`}>
      <form id={`${id}-form`} className="space-y-3" onSubmit={submit} noValidate>
        <p className="text-xs text-slate-600 dark:text-slate-400">{t("dispatchIntro")}</p>
        <Field id={`${id}-backend`} label={t("dispatchBackend")}>
          {(describedBy) => (
            <Select id={`${id}-backend`} value={backend} aria-describedby={describedBy} onChange={(event) => setBackend(event.target.value === "gse" ? "gse" : "procdeck")}>
              <option value="procdeck">{t("dispatchProcdeck")}</option>
              <option value="gse">{t("dispatchGse")}</option>
            </Select>
          )}
        </Field>
        {backend === "gse" && (
          <>
            {text("url", t("dispatchGatewayUrl"), gatewayUrl, setGatewayUrl, { help: t("dispatchGatewayUrlHelp") })}
            {text("code", t("dispatchAppCode"), appCode, setAppCode)}
            {text("secret", t("dispatchAppSecret"), appSecret, setAppSecret, { type: "password", isRequired: !stored, help: stored ? t("dispatchAppSecretKept") : undefined })}
            {text("user", t("dispatchUsername"), username, setUsername)}
            {stored && !stored.isSecretSealed && <p className="text-xs text-amber-700 dark:text-amber-400">{t("dispatchNotSealed")}</p>}
          </>
        )}
        {save.error && <ErrorNotice title={save.error.message} />}
      </form>
    </ConfirmDialog>
  );
}
