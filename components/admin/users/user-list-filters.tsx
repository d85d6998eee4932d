"use client";
// The user list's filters: a name search (sent after a short pause in typing) and the status.
import { FilterField, FilterInput } from "@/components/ui/filter-field";
import { Select } from "@/components/ui/select";
import { USER_STATUSES, type TUserStatus } from "@/lib/access/users/user-input";
import type { TUserListView } from "@/lib/client/admin/user-list-view";
import { useT } from "@/lib/client/i18n/lang-context";
import type { TMessageKey } from "@/lib/client/i18n/messages";

const STATUS_KEYS: Record<TUserStatus, TMessageKey> = { all: "adminStatusAll", active: "adminStatusActive", disabled: "adminStatusDisabled" };

type TProps = { view: TUserListView; onViewChange: (change: Partial<TUserListView>, mode?: "push" | "replace") => void };

export function UserListFilters({ view, onViewChange }: TProps) {
  const t = useT();
  return (
    <div className="flex flex-wrap items-end gap-2">
      <FilterInput label={t("adminUserSearch")} placeholder={t("adminUserSearchPlaceholder")} value={view.q} onChange={(q) => onViewChange({ q }, "replace")} className="w-56!" />
      <FilterField label={t("adminStatusFilter")}>
        <Select className="w-36!" value={view.status} onChange={(event) => onViewChange({ status: event.target.value as TUserStatus })}>
          {USER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(STATUS_KEYS[status])}
            </option>
          ))}
        </Select>
      </FilterField>
    </div>
  );
}
