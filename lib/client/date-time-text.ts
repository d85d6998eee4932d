// Date-time filters typed in the console's own format, "2026-01-05 09:30" (24 h, year first, the same
// in English and Chinese) instead of a datetime-local input, which shows the browser locale's format
// (12 h with AM/PM in en-US) whatever the UI language. The URL keeps "2026-01-05T09:30". Browser-safe.

const TYPED = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?$/;

/** "2026-01-05T09:30" → "2026-01-05 09:30" ("" stays ""). */
export function showLocalMinute(value: string): string {
  return value.replace("T", " ");
}

/**
 * What was typed as "YYYY-MM-DDTHH:mm" (local time), "" for an empty field, null when it is not a
 * date-time. A date alone is the start of that day, or its last minute for an end (`isEnd`).
 */
export function readTypedMinute(typed: string, isEnd = false): string | null {
  const text = typed.trim();
  if (text === "") return "";
  const match = TYPED.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match;
  const hours = hour === undefined ? (isEnd ? 23 : 0) : Number(hour);
  const minutes = minute === undefined ? (isEnd ? 59 : 0) : Number(minute);
  const date = new Date(Number(year), Number(month) - 1, Number(day), hours, minutes);
  // new Date rolls 2026-02-31 over into March; a real date reads back the same
  if (date.getFullYear() !== Number(year) || date.getMonth() !== Number(month) - 1 || date.getDate() !== Number(day) || hours > 23 || minutes > 59) return null;
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${year}-${pad(Number(month))}-${pad(Number(day))}T${pad(hours)}:${pad(minutes)}`;
}
