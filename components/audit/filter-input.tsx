"use client";
// A text filter that follows the URL but sends its value only after a short pause in typing, so each
// keystroke is not a request (and a history entry).
import { useEffect, useState } from "react";
import { Input } from "@/components/ui/input";

const TYPING_DELAY_MS = 400;

type TProps = { label: string; hint?: string; placeholder: string; value: string; onChange: (value: string) => void; list?: string; name: string; className?: string };

export function FilterInput({ label, hint, placeholder, value, onChange, list, name, className = "w-40!" }: TProps) {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  const [sent, setSent] = useState(value);
  if (value !== shown) {
    setShown(value);
    // the URL changed from elsewhere (back button, clear filters, a click in the table), not by typing here
    if (value !== sent) setDraft(value);
  }
  useEffect(() => {
    if (draft.trim() === value) return;
    const timer = setTimeout(() => {
      setSent(draft.trim());
      onChange(draft.trim());
    }, TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, value, onChange]);

  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
      <span>
        {label}
        {hint && <span className="ml-1 font-normal text-slate-400 dark:text-slate-500">({hint})</span>}
      </span>
      <Input type="search" name={name} list={list} className={className} placeholder={placeholder} value={draft} onChange={(event) => setDraft(event.target.value)} autoComplete="off" />
    </label>
  );
}
