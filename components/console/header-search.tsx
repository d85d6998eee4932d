"use client";
// The header's search box: processes (name or function name) and hosts (IP prefix) across every
// business the user may see, grouped by business. A combobox: arrows walk the results, Enter opens
// one, Escape closes; `/` anywhere (outside a field) focuses it or the page's own search box. Loaded
// when first wanted (lazy-header-search.tsx), which hands over the input's ref and what was typed.
import Link from "next/link";
import { useId, useState, useEffect, type RefObject } from "react";
import { useRouter } from "next/navigation";
import { CONTROL_CLASS } from "@/components/ui/input";
import { listFindOptions, useFind } from "@/lib/client/find/queries";
import { useT } from "@/lib/client/i18n/lang-context";

const TYPING_DELAY_MS = 200;

type TProps = { inputRef: RefObject<HTMLInputElement | null>; initialText: string; isInitiallyFocused: boolean };

export function HeaderSearch({ inputRef, initialText, isInitiallyFocused }: TProps) {
  const t = useT();
  const router = useRouter();
  const listId = useId();
  const [text, setText] = useState(initialText);
  const [q, setQ] = useState(initialText.trim());
  const [isOpen, setIsOpen] = useState(isInitiallyFocused);
  const [active, setActive] = useState(-1);

  // this input replaced the one the user was in: the focus and the caret (at the end) move over
  useEffect(() => {
    const input = inputRef.current;
    if (!isInitiallyFocused || !input) return;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }, [inputRef, isInitiallyFocused]);

  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const found = useFind(q);
  const result = q ? found.data : undefined;
  const options = listFindOptions(result);
  const isShown = isOpen && text.trim() !== "";
  const activeOption = active >= 0 && active < options.length ? options[active] : null;

  const close = () => {
    setIsOpen(false);
    setActive(-1);
  };
  const open = (href: string) => {
    close();
    setText("");
    inputRef.current?.blur();
    router.push(href);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Escape") {
      if (isShown) close();
      else inputRef.current?.blur();
      return;
    }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setIsOpen(true);
      if (!options.length) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current + step + options.length + (current === -1 && step === -1 ? 1 : 0)) % options.length);
      return;
    }
    if (event.key === "Enter" && isShown) {
      const target = activeOption ?? (options.length ? options[0] : null);
      if (!target) return;
      event.preventDefault();
      open(target.href);
    }
  };

  return (
    <div className="relative" onBlur={(event) => !event.currentTarget.contains(event.relatedTarget as Node | null) && close()}>
      <input
        ref={inputRef}
        type="search"
        role="combobox"
        aria-label={t("findLabel")}
        aria-expanded={isShown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={isShown && activeOption ? activeOption.id : undefined}
        autoComplete="off"
        placeholder={t("findPlaceholder")}
        title={t("findShortcut")}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setIsOpen(true);
          setActive(-1);
        }}
        onFocus={() => setIsOpen(true)}
        onKeyDown={onKeyDown}
        className={`${CONTROL_CLASS} h-8 w-72! pr-7`}
      />
      {text === "" && (
        <kbd aria-hidden className="pointer-events-none absolute top-1.5 right-2 rounded border border-slate-300 px-1 font-mono text-[10px] text-slate-400 dark:border-slate-600">
          /
        </kbd>
      )}
      {isShown && (
        <div className="absolute top-9 right-0 z-30 max-h-[70vh] w-96 overflow-auto rounded-lg border border-slate-200 bg-white p-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900">
          {!result && !found.isError && <p className="px-2 py-1.5 text-slate-500 dark:text-slate-400">{t("findSearching")}</p>}
          {found.isError && <p className="px-2 py-1.5 text-red-700 dark:text-red-400">{t("findError")} {found.error.message}</p>}
          {result && options.length === 0 && <p className="px-2 py-1.5 text-slate-500 dark:text-slate-400">{t("findNothing", { q })}</p>}
          <div role="listbox" id={listId} aria-label={t("findLabel")}>
            {result?.businesses.map((business) => (
              <div key={business.bk_biz_id} role="group" aria-label={`${business.bk_biz_name} (${business.bk_biz_id})`} data-find-biz={business.bk_biz_id} className="py-1">
                <p aria-hidden className="px-2 pb-0.5 text-xs font-semibold text-slate-500 dark:text-slate-400">
                  {business.bk_biz_name} <span className="font-normal">({business.bk_biz_id})</span>
                </p>
                {business.processes.map((process) => {
                  const id = `find-p-${process.bk_process_id}`;
                  return (
                    <FindOption key={id} id={id} isActive={activeOption?.id === id} href={`/biz/${business.bk_biz_id}/processes/${process.bk_process_id}`} onOpen={open}>
                      <span className="font-medium">{process.bk_process_name}</span>
                      <span className="text-xs text-slate-500 dark:text-slate-400">{t("findFunction", { name: process.bk_func_name })}</span>
                      <span className="ml-auto text-xs text-slate-400">{t("findProcessesGroup")}</span>
                    </FindOption>
                  );
                })}
                {business.hosts.map((host) => {
                  const id = `find-h-${business.bk_biz_id}-${host.bk_host_id}`;
                  return (
                    <FindOption key={id} id={id} isActive={activeOption?.id === id} href={`/biz/${business.bk_biz_id}/hosts?${new URLSearchParams({ ip: host.bk_host_innerip })}`} onOpen={open}>
                      <span className="font-mono text-xs">{host.bk_host_innerip}</span>
                      {host.bk_cloud_id !== 0 && <span className="text-xs text-slate-500">({host.bk_cloud_id})</span>}
                      {host.bk_host_name && <span className="text-xs text-slate-500 dark:text-slate-400">{host.bk_host_name}</span>}
                      <span className="ml-auto text-xs text-slate-400">{t("findHostsGroup")}</span>
                    </FindOption>
                  );
                })}
              </div>
            ))}
          </div>
          {(result?.hasMoreProcesses || result?.hasMoreHosts) && <p className="border-t border-slate-100 px-2 pt-1.5 pb-1 text-xs text-slate-500 dark:border-slate-800 dark:text-slate-400">{t("findMore")}</p>}
        </div>
      )}
    </div>
  );
}

type TOptionProps = { id: string; href: string; isActive: boolean; onOpen: (href: string) => void; children: React.ReactNode };

function FindOption({ id, href, isActive, onOpen, children }: TOptionProps) {
  return (
    <Link
      id={id}
      href={href}
      role="option"
      aria-selected={isActive}
      tabIndex={-1}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        onOpen(href);
      }}
      className="flex items-baseline gap-2 rounded px-2 py-1 text-slate-800 hover:bg-slate-100 aria-selected:bg-blue-50 aria-selected:text-blue-900 dark:text-slate-200 dark:hover:bg-slate-800 dark:aria-selected:bg-blue-950 dark:aria-selected:text-blue-100"
    >
      {children}
    </Link>
  );
}
