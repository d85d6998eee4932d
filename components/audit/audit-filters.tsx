"use client";
// The audit page's filters: business (or the administration entries, for global admins), who (user
// or operator, API app), object type and id/name, action, and a time range. Text filters wait for a
// pause in typing; every change lands in the URL.
import { Button } from "@/components/ui/button";
import { FilterField, FilterInput } from "@/components/ui/filter-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { NO_BUSINESS } from "@/lib/audit/audit-filter";
import { EMPTY_AUDIT_VIEW, hasAuditFilters, type TAuditView } from "@/lib/client/audit/audit-view";
import { useT } from "@/lib/client/i18n/lang-context";
import { useBusinesses } from "@/lib/client/topology/queries";
import { useIsHydrated } from "@/lib/client/use-is-hydrated";

/** Suggestions only: other kinds of objects and actions can be typed. */
const OBJECT_TYPES = ["process", "task", "host", "managed_process", "business", "set", "module", "user", "user_role", "api_app", "app_role", "session", "enrollment_token"];
const ACTIONS = ["create", "update", "delete", "bind", "unbind", "operate", "rename", "import", "revoke", "issue", "enroll_agent", "rotate_secret", "reset_password", "sign_in", "sign_out"];

type TProps = { view: TAuditView; isGlobalAdmin: boolean; onViewChange: (change: Partial<TAuditView>, mode?: "push" | "replace") => void };

export function AuditFilters({ view, isGlobalAdmin, onViewChange }: TProps) {
  const t = useT();
  const businesses = useBusinesses();
  // the list may already be cached when the page hydrates; the server HTML had none, so wait for hydration
  const isHydrated = useIsHydrated();
  const businessList = isHydrated ? businesses.data : undefined;
  const setText = (name: "user" | "app" | "type" | "object" | "action") => (value: string) => onViewChange({ [name]: value }, "replace");
  const isListed = typeof view.biz !== "number" || businessList?.some((business) => business.bk_biz_id === view.biz);

  return (
    <fieldset className="flex flex-wrap items-end gap-2">
      <legend className="sr-only">{t("auditFilters")}</legend>
      <FilterField label={t("auditFilterBusiness")}>
        <Select
          name="biz"
          className="w-52!"
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
      <FilterInput name="type" label={t("auditFilterType")} placeholder={t("auditAnyPlaceholder")} value={view.type} onChange={setText("type")} list="audit-object-types" className="w-36!" />
      <FilterInput name="object" label={t("auditFilterObject")} hint={t("auditExactHint")} placeholder={t("auditAnyPlaceholder")} value={view.object} onChange={setText("object")} />
      <FilterInput name="action" label={t("auditFilterAction")} placeholder={t("auditAnyPlaceholder")} value={view.action} onChange={setText("action")} list="audit-actions" className="w-32!" />
      <FilterField label={t("auditFilterFrom")}>
        <Input type="datetime-local" name="from" className="w-48!" value={view.from} max={view.to || undefined} onChange={(event) => onViewChange({ from: event.target.value }, "replace")} />
      </FilterField>
      <FilterField label={t("auditFilterTo")}>
        <Input type="datetime-local" name="to" className="w-48!" value={view.to} min={view.from || undefined} onChange={(event) => onViewChange({ to: event.target.value }, "replace")} />
      </FilterField>
      {hasAuditFilters(view) && (
        <Button variant="ghost" onClick={() => onViewChange(EMPTY_AUDIT_VIEW)}>
          {t("clearFilters")}
        </Button>
      )}
      <datalist id="audit-object-types">
        {OBJECT_TYPES.map((type) => (
          <option key={type} value={type} />
        ))}
      </datalist>
      <datalist id="audit-actions">
        {ACTIONS.map((action) => (
          <option key={action} value={action} />
        ))}
      </datalist>
    </fieldset>
  );
}
