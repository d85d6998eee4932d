"use client";
// `/` focuses search, as on GitHub or GitLab: the page's own search box when it has one (marked
// data-slash-search, e.g. the process list's), else the header's. Not while typing in a field.
import { useEffect, type RefObject } from "react";
import { isSlashShortcut } from "@/lib/client/find/queries";

export function useSlashFocus(headerInput: RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isSlashShortcut(event, event.target)) return;
      const pageSearch = document.querySelector<HTMLInputElement>("input[data-slash-search]");
      const target = pageSearch ?? headerInput.current;
      if (!target) return;
      event.preventDefault();
      target.focus();
      target.select();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [headerInput]);
}
