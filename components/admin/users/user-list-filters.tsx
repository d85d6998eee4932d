"use client";
// The user list's filters: a name search (sent after a short pause in typing) and the status.
import { useEffect, useState } from "react";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { USER_STATUSES, type TUserStatus } from "@/lib/access/users/user-input";
import type { TUserListView } from "@/lib/client/admin/user-list-view";
import { useT } from "@/lib/client/i18n/lang-context";
import type { TMessageKey } from "@/lib/client/i18n/messages";

const TYPING_DELAY_MS = 300;
const STATUS_KEYS: Record<TUserStatus, TMessageKey> = { all: "adminStatusAll", active: "adminStatusActive", disabled: "adminStatusDisabled" };

type TProps = { view: TUserListView; onViewChange: (change: Partial<TUserListView>, mode?: "push" | "replace") => void };

export function UserListFilters({ view, onViewChange }: TProps) {
  const t = useT();
  return (
    <div className="flex flex-wrap items-end gap-2">
      <SearchFilter value={view.q} onChange={(q) => onViewChange({ q }, "replace")} />
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
        {t("adminStatusFilter")}
        <Select className="w-36!" value={view.status} onChange={(event) => onViewChange({ status: event.target.value as TUserStatus })}>
          {USER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(STATUS_KEYS[status])}
            </option>
          ))}
        </Select>
      </label>
    </div>
  );
}

/** Follows the URL, but sends what is typed only after a pause. */
function SearchFilter({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const t = useT();
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    // the URL changed from elsewhere (back button, clear filters)
    setShown(value);
    setDraft(value);
  }
  useEffect(() => {
    if (draft.trim() === value) return;
    const timer = setTimeout(() => onChange(draft.trim()), TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, value, onChange]);

  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
      {t("adminUserSearch")}
      <Input type="search" className="w-56!" placeholder={t("adminUserSearchPlaceholder")} value={draft} onChange={(event) => setDraft(event.target.value)} />
    </label>
  );
}
