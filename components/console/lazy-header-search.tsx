"use client";
// The header's search box as a page first loads: the same-looking input, with the `/` shortcut. The
// combobox behind it (results, arrow keys, its query: header-search.tsx) is loaded the first time the
// box is pointed at or focused, so it is not part of every page's first-load JS; whatever was typed
// while it loaded carries over, and the box keeps the focus.
import { useRef, useState } from "react";
import { CONTROL_CLASS } from "@/components/ui/input";
import { useSlashFocus } from "@/lib/client/find/use-slash-focus";
import { useT } from "@/lib/client/i18n/lang-context";

type TSearchModule = typeof import("@/components/console/header-search");
type TLoaded = { HeaderSearch: TSearchModule["HeaderSearch"]; text: string; isFocused: boolean };

// one download per tab, however many times the box is pointed at before it arrives
let searchModule: Promise<TSearchModule> | null = null;
const loadSearchModule = () => (searchModule ??= import("@/components/console/header-search"));

export function LazyHeaderSearch() {
  const t = useT();
  const inputRef = useRef<HTMLInputElement>(null);
  const [loaded, setLoaded] = useState<TLoaded | null>(null);
  useSlashFocus(inputRef);

  const load = () => {
    if (loaded) return;
    void loadSearchModule().then(({ HeaderSearch }) => {
      const input = inputRef.current;
      setLoaded((current) => current ?? { HeaderSearch, text: input?.value ?? "", isFocused: !!input && document.activeElement === input });
    });
  };

  if (loaded) return <loaded.HeaderSearch inputRef={inputRef} initialText={loaded.text} isInitiallyFocused={loaded.isFocused} />;
  return (
    <div className="relative">
      <input
        ref={inputRef}
        type="search"
        role="combobox"
        aria-label={t("findLabel")}
        aria-expanded={false}
        aria-autocomplete="list"
        autoComplete="off"
        placeholder={t("findPlaceholder")}
        title={t("findShortcut")}
        onFocus={load}
        onPointerEnter={load}
        className={`peer ${CONTROL_CLASS} h-8 w-72! pr-7`}
      />
      <kbd aria-hidden className="pointer-events-none absolute top-1.5 right-2 hidden rounded border border-slate-300 px-1 font-mono text-[10px] text-slate-400 peer-placeholder-shown:block dark:border-slate-600">
        /
      </kbd>
    </div>
  );
}
