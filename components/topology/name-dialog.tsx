"use client";
// One dialog for every "give it a name" action (new business / set / module, rename): the server's
// verdict on the name (empty, too long, taken) appears under the field, anything else above the buttons.
import { useId, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ErrorNotice } from "@/components/ui/notice";
import { isConsoleApiError } from "@/lib/client/console-fetch";
import { useT } from "@/lib/client/i18n/lang-context";

type TNameDialogProps = {
  isOpen: boolean;
  onClose: () => void;
  title: string;
  label: string;
  help?: string;
  initialName?: string;
  submitLabel: string;
  isPending: boolean;
  error: Error | null;
  onSubmit: (name: string) => void;
};

export function NameDialog({ isOpen, onClose, title, label, help, initialName = "", submitLabel, isPending, error, onSubmit }: TNameDialogProps) {
  const t = useT();
  const id = useId();
  const [name, setName] = useState(initialName);
  const [isShownEmpty, setIsShownEmpty] = useState(false);
  const fieldError = isConsoleApiError(error) ? Object.values(error.fields)[0] : undefined;
  const shownError = isShownEmpty ? t("topoNameRequired") : fieldError;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setIsShownEmpty(true);
      return;
    }
    onSubmit(name.trim());
  };

  return (
    <ConfirmDialog isOpen={isOpen} onClose={onClose} title={title} confirmLabel={submitLabel} pendingLabel={t("saving")} isPending={isPending} formId={`${id}-form`}>
      <form id={`${id}-form`} className="space-y-3" onSubmit={submit} noValidate>
        <Field id={id} label={label} isRequired requiredLabel={t("requiredMark")} help={help} error={shownError}>
          {(describedBy, isInvalid) => (
            <Input
              id={id}
              autoFocus
              value={name}
              maxLength={128}
              aria-describedby={describedBy}
              aria-invalid={isInvalid || undefined}
              onChange={(event) => {
                setName(event.target.value);
                setIsShownEmpty(false);
              }}
            />
          )}
        </Field>
        {error && !fieldError && <ErrorNotice title={error.message} />}
      </form>
    </ConfirmDialog>
  );
}
