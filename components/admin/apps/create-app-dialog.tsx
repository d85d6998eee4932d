"use client";
// "New app": a BlueKing-style app code and a description. The secret is generated and shown once;
// the app can do nothing until it is granted a role in a business on its page.
import { useId, useState } from "react";
import { Button, LinkButton } from "@/components/ui/button";
import { DialogButton } from "@/components/ui/dialog-button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ErrorNotice } from "@/components/ui/notice";
import { SecretOnce } from "@/components/admin/secret-once";
import { APP_CODE_PATTERN } from "@/lib/access/apps/app-input";
import { useCreateApp } from "@/lib/client/admin/app-mutations";
import { isConsoleApiError } from "@/lib/client/console-fetch";
import { useT } from "@/lib/client/i18n/lang-context";

export function CreateAppButton() {
  const t = useT();
  return (
    <DialogButton variant="primary" renderDialog={({ isOpen, onClose }) => <CreateAppDialog isOpen={isOpen} onClose={onClose} />}>
      {t("adminNewApp")}
    </DialogButton>
  );
}

function CreateAppDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const t = useT();
  const id = useId();
  const create = useCreateApp();
  const [code, setCode] = useState("");
  const [description, setDescription] = useState("");
  const [codeProblem, setCodeProblem] = useState<string | undefined>();
  const created = create.data;
  const serverFields = isConsoleApiError(create.error) ? create.error.fields : {};

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!APP_CODE_PATTERN.test(code.trim())) {
      setCodeProblem(t("adminAppCodeRule"));
      return;
    }
    create.mutate({ code: code.trim(), description: description.trim() });
  };

  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      title={created ? t("adminAppCreated", { code: created.app.code }) : t("adminNewApp")}
      closeLabel={t("close")}
      wide={Boolean(created)}
      footer={
        created ? (
          <>
            <Button onClick={onClose}>{t("adminDone")}</Button>
            <LinkButton variant="primary" href={`/admin/apps/${created.app.id}`}>
              {t("adminOpenApp", { code: created.app.code })}
            </LinkButton>
          </>
        ) : (
          <>
            <Button onClick={onClose}>{t("cancel")}</Button>
            <Button variant="primary" type="submit" form={`${id}-form`} disabled={create.isPending}>
              {create.isPending ? t("adminCreating") : t("adminCreateApp")}
            </Button>
          </>
        )
      }
    >
      {created ? (
        <div className="space-y-3">
          <SecretOnce label={t("adminAppSecret")} value={created.secret} warning={t("adminSecretShownOnce")} />
          <p className="text-xs text-slate-600 dark:text-slate-400">{t("adminAppNextGrant")}</p>
        </div>
      ) : (
        <form id={`${id}-form`} className="space-y-3" onSubmit={submit} noValidate>
          <Field id={`${id}-code`} label={t("adminAppCode")} isRequired requiredLabel={t("requiredMark")} help={t("adminAppCodeRule")} error={codeProblem ?? serverFields.code}>
            {(describedBy, isInvalid) => (
              <Input
                id={`${id}-code`}
                className="font-mono"
                autoComplete="off"
                value={code}
                aria-describedby={describedBy}
                aria-invalid={isInvalid || undefined}
                onChange={(event) => {
                  setCode(event.target.value);
                  setCodeProblem(undefined);
                  create.reset();
                }}
              />
            )}
          </Field>
          <Field id={`${id}-description`} label={t("adminAppDescription")}>
            {(describedBy) => <Input id={`${id}-description`} value={description} maxLength={200} aria-describedby={describedBy} onChange={(event) => setDescription(event.target.value)} />}
          </Field>
          {create.isError && !Object.keys(serverFields).length && <ErrorNotice title={create.error.message} />}
        </form>
      )}
    </Dialog>
  );
}
