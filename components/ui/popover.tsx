"use client";
// A button that opens a small panel below it: Escape or a click outside closes it, focus returns to
// the button. For pickers such as the column chooser.
import { useEffect, useId, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";

type TPopoverProps = { label: React.ReactNode; children: React.ReactNode; align?: "left" | "right" };

export function Popover({ label, children, align = "left" }: TPopoverProps) {
  const [isOpen, setIsOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!isOpen) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setIsOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setIsOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [isOpen]);

  return (
    <div ref={rootRef} className="relative">
      <button ref={buttonRef} type="button" aria-expanded={isOpen} aria-controls={panelId} onClick={() => setIsOpen(!isOpen)} className={buttonClass("secondary", "md")}>
        {label}
        <span aria-hidden className="text-xs text-slate-400">
          ▾
        </span>
      </button>
      <div
        id={panelId}
        hidden={!isOpen}
        className={`absolute top-full z-20 mt-1 min-w-56 rounded-md border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900 ${align === "right" ? "right-0" : "left-0"}`}
      >
        {children}
      </div>
    </div>
  );
}
