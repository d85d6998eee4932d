"use client";
// The controls above a list that narrow it (process list, task history, audit, users, the operate
// dialog's hosts): a small label over each, an optional hint in brackets.
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useTypedFilter } from "@/lib/client/use-typed-filter";

export function FilterField({ label, hint, children }: { label: string; hint?: string; children: React.ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
      <span>
        {label}
        {hint && <span className="ml-1 font-normal text-slate-400 dark:text-slate-500">({hint})</span>}
      </span>
      {children}
    </label>
  );
}

type TFilterInputProps = {
  label: string;
  hint?: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  isTrimmed?: boolean;
  name?: string;
  list?: string;
  className?: string;
  /** the page's main search: `/` focuses it (lib/client/find/use-slash-focus.ts) */
  isSlashSearch?: boolean;
};

/** A text filter bound to the URL, sent after a pause in typing (lib/client/use-typed-filter.ts). */
export function FilterInput({ label, hint, placeholder, value, onChange, isTrimmed, name, list, className = "w-40!", isSlashSearch }: TFilterInputProps) {
  const [draft, setDraft] = useTypedFilter(value, onChange, isTrimmed);
  return (
    <FilterField label={label} hint={hint}>
      <Input type="search" name={name} list={list} className={className} placeholder={placeholder} value={draft} onChange={(event) => setDraft(event.target.value)} autoComplete="off" data-slash-search={isSlashSearch ? "" : undefined} />
    </FilterField>
  );
}

type TChoiceFilterProps = { label: string; anyLabel: string; value: string; options: readonly string[]; labelOf?: (option: string) => string; onChange: (value: string) => void; className?: string };

/** One of a list, or "any" (the empty value). */
export function ChoiceFilter({ label, anyLabel, value, options, labelOf = (option) => option, onChange, className = "w-36!" }: TChoiceFilterProps) {
  return (
    <FilterField label={label}>
      <Select className={className} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {labelOf(option)}
          </option>
        ))}
      </Select>
    </FilterField>
  );
}
