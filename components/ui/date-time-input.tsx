"use client";
// A date-time filter typed as "2026-01-05 09:30" (lib/client/date-time-text.ts): the same format in
// every browser and both languages. A complete value is sent as it is typed; a bad one is marked and
// explained, and nothing is sent until it reads as a date-time.
import { useId, useState } from "react";
import { Input } from "@/components/ui/input";
import { readTypedMinute, showLocalMinute } from "@/lib/client/date-time-text";
import { useT } from "@/lib/client/i18n/lang-context";

type TProps = { label: string; name: string; value: string; isEnd?: boolean; onChange: (value: string) => void; className?: string };

export function DateTimeInput({ label, name, value, isEnd = false, onChange, className = "w-44!" }: TProps) {
  const t = useT();
  const errorId = useId();
  const [draft, setDraft] = useState(showLocalMinute(value));
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    // the URL changed from elsewhere (clear filters, back): unless it is what was typed, it wins
    if (readTypedMinute(draft, isEnd) !== value) setDraft(showLocalMinute(value));
  }
  const parsed = readTypedMinute(draft, isEnd);
  const isInvalid = parsed === null;
  const send = (text: string) => {
    const next = readTypedMinute(text, isEnd);
    if (next !== null && next !== value) onChange(next);
  };
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
      <span>
        {label}
        <span className="ml-1 font-normal text-slate-400 dark:text-slate-500">({t("dateTimeFormatHint")})</span>
      </span>
      <Input
        type="text"
        inputMode="numeric"
        name={name}
        className={className}
        placeholder={t("dateTimeFormatHint")}
        value={draft}
        autoComplete="off"
        aria-invalid={isInvalid || undefined}
        aria-describedby={isInvalid ? errorId : undefined}
        onChange={(event) => {
          setDraft(event.target.value);
          send(event.target.value);
        }}
        onBlur={() => parsed !== null && setDraft(showLocalMinute(parsed))}
      />
      {isInvalid && (
        <span id={errorId} className="font-normal text-red-700 dark:text-red-400">
          {t("dateTimeInvalid")}
        </span>
      )}
    </label>
  );
}
