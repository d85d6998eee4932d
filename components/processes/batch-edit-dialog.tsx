"use client";
// Batch edit of the selected processes: tick fields and give values → preview per process (what the
// server would change, before → after) → apply all or nothing. The list refreshes afterwards.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNotice } from "@/components/ui/notice";
import { AttributeInput } from "@/components/processes/attribute-input";
import { BatchPreviewTable } from "@/components/processes/batch-preview-table";
import { isConsoleApiError } from "@/lib/client/console-fetch";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { attributeLabel } from "@/lib/client/processes/format-attribute";
import { FORM_ATTRIBUTES, toBatchChanges, toFieldMessages, toFormValues } from "@/lib/client/processes/form-values";
import { useBatchUpdate, usePreviewBatchUpdate } from "@/lib/client/processes/mutations";
import { validateProcessInput } from "@/lib/processes/validate-process-input";
import { useToast } from "@/lib/client/toast";

const BATCH_ATTRIBUTES = FORM_ATTRIBUTES.filter((attribute) => attribute.isBatchEditable);

type TBatchEditDialogProps = { bizId: number; ids: number[]; isOpen: boolean; onClose: () => void; onApplied: () => void };

export function BatchEditDialog({ bizId, ids, isOpen, onClose, onApplied }: TBatchEditDialogProps) {
  const t = useT();
  const { lang } = useLang();
  const { showToast } = useToast();
  const [fields, setFields] = useState<string[]>([]);
  const [values, setValues] = useState(toFormValues);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const preview = usePreviewBatchUpdate(bizId);
  const apply = useBatchUpdate(bizId);
  const changes = toBatchChanges(values, fields);

  const close = () => {
    preview.reset();
    apply.reset();
    setErrors({});
    setFormError(null);
    onClose();
  };

  const requestPreview = () => {
    setFormError(null);
    if (!fields.length) return setFormError(t("chooseAField"));
    const result = validateProcessInput(changes, "batch");
    if (!result.isValid) return setErrors(toFieldMessages(result.problems, lang));
    setErrors({});
    preview.mutate(
      { ids, changes },
      { onError: (error) => (isConsoleApiError(error) && Object.keys(error.fields).length ? setErrors(error.fields) : setFormError(error.message)) },
    );
  };

  const applyChanges = () =>
    apply.mutate(
      { ids, changes },
      {
        onSuccess: () => {
          showToast(t("applied", { count: ids.length }));
          onApplied();
          setFields([]);
          setValues(toFormValues());
          close();
        },
      },
    );

  const isPreviewing = preview.isSuccess;
  return (
    <Dialog
      isOpen={isOpen}
      onClose={close}
      wide
      title={t("batchTitle", { count: ids.length })}
      closeLabel={t("close")}
      footer={
        isPreviewing ? (
          <>
            <Button onClick={() => preview.reset()}>{t("back")}</Button>
            <Button variant="primary" onClick={applyChanges} disabled={apply.isPending}>
              {apply.isPending ? t("saving") : t("apply", { count: ids.length })}
            </Button>
          </>
        ) : (
          <>
            <Button onClick={close}>{t("cancel")}</Button>
            <Button variant="primary" onClick={requestPreview} disabled={preview.isPending}>
              {t("preview")}
            </Button>
          </>
        )
      }
    >
      {isPreviewing ? (
        <div className="space-y-3">
          <p className="text-xs text-slate-600 dark:text-slate-400">{t("allOrNothing")}</p>
          {apply.isError && <ErrorNotice title={apply.error.message} />}
          <BatchPreviewTable rows={preview.data} />
        </div>
      ) : (
        <div className="space-y-3">
          <p className="text-xs text-slate-600 dark:text-slate-400">{t("batchFieldsHint")}</p>
          {formError && <ErrorNotice title={formError} />}
          <fieldset>
            <legend className="mb-2 text-sm font-semibold">{t("batchFields")}</legend>
            <div className="grid grid-cols-2 gap-x-4 gap-y-2">
              {BATCH_ATTRIBUTES.map((attribute) => {
                const isChosen = fields.includes(attribute.id);
                const pickId = `batch-pick-${attribute.id}`;
                return (
                  <div key={attribute.id} className={`flex gap-2 rounded-md p-1.5 ${isChosen ? "bg-blue-50/60 dark:bg-blue-950/30" : "hover:bg-slate-50 dark:hover:bg-slate-800"}`}>
                    <Checkbox
                      id={pickId}
                      className="mt-0.5"
                      aria-label={t("changeField", { field: attributeLabel(attribute, lang) })}
                      checked={isChosen}
                      onChange={(event) => setFields(event.target.checked ? [...fields, attribute.id] : fields.filter((field) => field !== attribute.id))}
                    />
                    <div className="min-w-0 flex-1">
                      {isChosen ? (
                        <AttributeInput attribute={attribute} idPrefix="batch" value={values[attribute.id] ?? ""} error={errors[attribute.id]} onChange={(value) => setValues({ ...values, [attribute.id]: value })} />
                      ) : (
                        <label htmlFor={pickId} className="block cursor-pointer text-sm text-slate-600 dark:text-slate-300">
                          {attributeLabel(attribute, lang)}
                        </label>
                      )}
                    </div>
                  </div>
                );
              })}
            </div>
          </fieldset>
        </div>
      )}
    </Dialog>
  );
}
