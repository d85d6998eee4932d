"use client";
// The audit page's filters: business (or the administration entries, for global admins), who (user
// or operator, API app), object type and id/name, action, and a time range. Object type and action
// are pickers named in the UI language; times are typed in the console's format. Text filters wait
// for a pause in typing; every change lands in the URL.
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { DateTimeInput } from "@/components/ui/date-time-input";
import { FilterField, FilterInput } from "@/components/ui/filter-field";
import { Select } from "@/components/ui/select";
import { actionLabel, AUDIT_ACTIONS, AUDIT_OBJECT_TYPES, objectTypeLabel } from "@/lib/client/audit/audit-labels";
import { NO_BUSINESS } from "@/lib/audit/audit-filter";
import { EMPTY_AUDIT_VIEW, hasAuditFilters, type TAuditView } from "@/lib/client/audit/audit-view";
import { useT } from "@/lib/client/i18n/lang-context";
import { useBusinesses } from "@/lib/client/topology/queries";
import { useIsHydrated } from "@/lib/client/use-is-hydrated";

type TProps = { view: TAuditView; isGlobalAdmin: boolean; onViewChange: (change: Partial<TAuditView>, mode?: "push" | "replace") => void };

export function AuditFilters({ view, isGlobalAdmin, onViewChange }: TProps) {
  const t = useT();
  const businesses = useBusinesses();
  // the list may already be cached when the page hydrates; the server HTML had none, so wait for hydration
  const isHydrated = useIsHydrated();
  const businessList = isHydrated ? businesses.data : undefined;
  const setText = (name: "user" | "app" | "object") => (value: string) => onViewChange({ [name]: value }, "replace");
  const isListed = typeof view.biz !== "number" || businessList?.some((business) => business.bk_biz_id === view.biz);

  return (
    <fieldset className="flex flex-wrap items-end gap-2">
      <legend className="sr-only">{t("auditFilters")}</legend>
      <FilterField label={t("auditFilterBusiness")}>
        <Select
          name="biz"
          className="w-60!"
          value={view.biz ?? ""}
          onChange={(event) => {
            const value = event.target.value;
            onViewChange({ biz: value === "" ? null : value === NO_BUSINESS ? NO_BUSINESS : Number(value) });
          }}
        >
          <option value="">{t("auditAnyBusiness")}</option>
          {isGlobalAdmin && <option value={NO_BUSINESS}>{t("auditNoBusiness")}</option>}
          {!isListed && <option value={view.biz ?? ""}>{t("auditUnknownBusiness", { id: String(view.biz) })}</option>}
          {businessList?.map((business) => (
            <option key={business.bk_biz_id} value={business.bk_biz_id}>
              {business.bk_biz_name} ({business.bk_biz_id})
            </option>
          ))}
        </Select>
      </FilterField>
      <FilterInput name="user" label={t("auditFilterUser")} hint={t("auditExactHint")} placeholder={t("auditAnyPlaceholder")} value={view.user} onChange={setText("user")} />
      <FilterInput name="app" label={t("auditFilterApp")} hint={t("auditExactHint")} placeholder={t("auditAnyPlaceholder")} value={view.app} onChange={setText("app")} className="w-36!" />
      <CodePicker name="type" label={t("auditFilterType")} anyLabel={t("auditPickAnyType")} value={view.type} codes={AUDIT_OBJECT_TYPES} labelOf={(code) => objectTypeLabel(t, code)} onChange={(type) => onViewChange({ type })} />
      <FilterInput name="object" label={t("auditFilterObject")} hint={t("auditExactHint")} placeholder={t("auditAnyPlaceholder")} value={view.object} onChange={setText("object")} />
      <CodePicker name="action" label={t("auditFilterAction")} anyLabel={t("auditPickAnyAction")} value={view.action} codes={AUDIT_ACTIONS} labelOf={(code) => actionLabel(t, code)} onChange={(action) => onViewChange({ action })} />
      <DateTimeInput name="from" label={t("auditFilterFrom")} value={view.from} onChange={(from) => onViewChange({ from }, "replace")} />
      <DateTimeInput name="to" label={t("auditFilterTo")} value={view.to} isEnd onChange={(to) => onViewChange({ to }, "replace")} />
      {hasAuditFilters(view) && (
        <Button variant="ghost" onClick={() => onViewChange(EMPTY_AUDIT_VIEW)}>
          {t("clearFilters")}
        </Button>
      )}
    </fieldset>
  );
}

type TCodePickerProps = { name: string; label: string; anyLabel: string; value: string; codes: readonly string[]; labelOf: (code: string) => string; onChange: (code: string) => void };

/** One code of a known list by its label; a code from a hand-edited link stays selectable as itself. */
function CodePicker({ name, label, anyLabel, value, codes, labelOf, onChange }: TCodePickerProps) {
  const t = useT();
  const id = useId();
  const isKnown = value === "" || codes.includes(value);
  // the label beside the select, not around it: a wrapping label would add the chosen option's text
  // to the select's accessible name
  return (
    <div className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
      <label htmlFor={id}>{label}</label>
      <Select id={id} name={name} className="w-44!" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{anyLabel}</option>
        {!isKnown && <option value={value}>{t("auditPickOther", { value })}</option>}
        {codes.map((code) => (
          <option key={code} value={code}>
            {labelOf(code)}
          </option>
        ))}
      </Select>
    </div>
  );
}
