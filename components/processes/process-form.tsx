"use client";
// The create / edit form, generated from the attribute metadata (groups, labels, help, required marks,
// enum pickers). It runs the API's own validation (validateProcessInput) before sending, and shows
// the server's per-field messages the same way, next to the field.
import Link from "next/link";
import { useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/notice";
import { AttributeInput } from "@/components/processes/attribute-input";
import { isConsoleApiError } from "@/lib/client/console-fetch";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { FORM_ATTRIBUTES, isFormDirty, toCreateInput, toFieldMessages, toUpdateChanges, type TFormValues } from "@/lib/client/processes/form-values";
import { useUnsavedChangesWarning } from "@/lib/client/use-unsaved-changes-warning";
import { ATTRIBUTE_GROUPS } from "@/lib/processes/attribute-metadata";
import { validateProcessInput } from "@/lib/processes/validate-process-input";

type TProcessFormProps = {
  mode: "create" | "update";
  initialValues: TFormValues;
  submitLabel: string;
  cancelHref: string;
  /** shown above the fields (the edit page's conflict notice) */
  notice?: React.ReactNode;
  /** sends the attributes; rejects with the server's ConsoleApiError */
  onSave: (input: Record<string, unknown>) => Promise<void>;
};

const ID_PREFIX = "process";

export function ProcessForm({ mode, initialValues, submitLabel, cancelHref, notice, onSave }: TProcessFormProps) {
  const t = useT();
  const { lang } = useLang();
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [hasSaved, setHasSaved] = useState(false);
  const isDirty = isFormDirty(values, initialValues) && !hasSaved;
  useUnsavedChangesWarning(isDirty, t("unsavedWarning"));

  const showFieldErrors = (messages: Record<string, string>) => {
    setErrors(messages);
    const first = FORM_ATTRIBUTES.find((attribute) => messages[attribute.id]);
    if (first) document.getElementById(`${ID_PREFIX}-${first.id}`)?.focus();
  };

  const submit = async () => {
    const input = mode === "create" ? toCreateInput(values) : toUpdateChanges(values, initialValues);
    const result = validateProcessInput(input, mode);
    setFormError(null);
    if (!result.isValid) {
      showFieldErrors(toFieldMessages(result.problems, lang));
      setFormError(t("fixFields"));
      return;
    }
    setErrors({});
    setIsSaving(true);
    try {
      await onSave(input);
      setHasSaved(true);
    } catch (error) {
      if (isConsoleApiError(error) && Object.keys(error.fields).length) {
        showFieldErrors(error.fields);
        setFormError(t("fixFields"));
      } else if (!isConsoleApiError(error, "EDIT_CONFLICT")) {
        setFormError(error instanceof Error ? error.message : String(error));
      }
    } finally {
      setIsSaving(false);
    }
  };

  const change = (field: string, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors(({ [field]: _removed, ...rest }) => rest);
  };

  return (
    <form
      method="post"
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {notice}
      {formError && <ErrorNotice title={formError} />}
      {ATTRIBUTE_GROUPS.map((group) => (
        <fieldset key={group.id} className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <legend className="px-1 text-sm font-semibold">{group.name[lang]}</legend>
          <div className="grid grid-cols-2 gap-x-4 gap-y-3 xl:grid-cols-3">
            {FORM_ATTRIBUTES.filter((attribute) => attribute.group === group.id).map((attribute) => (
              <div key={attribute.id} className={attribute.type === "longchar" && attribute.id !== "pid_file" && attribute.id !== "work_path" ? "col-span-2 xl:col-span-3" : ""}>
                <AttributeInput attribute={attribute} idPrefix={ID_PREFIX} value={values[attribute.id] ?? ""} error={errors[attribute.id]} onChange={(value) => change(attribute.id, value)} />
              </div>
            ))}
          </div>
        </fieldset>
      ))}
      <div className="sticky bottom-0 flex items-center justify-end gap-3 border-t border-slate-200 bg-slate-50/95 py-3 backdrop-blur dark:border-slate-800 dark:bg-slate-950/95">
        <span className="mr-auto text-xs text-slate-500 dark:text-slate-400" aria-live="polite">
          {isDirty ? t("unsavedChanges") : mode === "update" ? t("noChanges") : ""}
        </span>
        <Link href={cancelHref} className={buttonClass("secondary")}>
          {t("cancel")}
        </Link>
        <Button type="submit" variant="primary" disabled={isSaving || (mode === "update" && !isDirty)}>
          {isSaving ? t("saving") : submitLabel}
        </Button>
      </div>
    </form>
  );
}
