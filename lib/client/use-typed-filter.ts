"use client";
// A text filter whose value lives in the URL (lib/client/use-url-state.ts): what is typed shows at
// once but is sent only after a pause in typing, so a keystroke is neither a request nor a history
// entry; a change of the URL from elsewhere (back button, clear filters, a click in a table) replaces
// what was typed.
import { useEffect, useEffectEvent, useState } from "react";

export const TYPING_DELAY_MS = 300;

/** `isTrimmed`: spaces around the text mean nothing (false for a name search, where they may). */
export function useTypedFilter(value: string, onSend: (value: string) => void, isTrimmed = true): [string, (draft: string) => void] {
  const [draft, setDraft] = useState(value);
  const [shownValue, setShownValue] = useState(value);
  const [pending, setPending] = useState<string | null>(null);
  if (value !== shownValue) {
    setShownValue(value);
    // our own text arriving back keeps the draft (more may have been typed since); anything else wins
    if (value !== pending) setDraft(value);
    setPending(null);
  }
  const typed = isTrimmed ? draft.trim() : draft;
  const send = useEffectEvent((text: string) => {
    setPending(text);
    onSend(text);
  });
  useEffect(() => {
    if (typed === value) return;
    const timer = setTimeout(() => send(typed), TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed, value]);
  return [draft, setDraft];
}
