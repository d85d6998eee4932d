import { FOCUS_RING } from "@/components/ui/focus-ring";

export const CONTROL_CLASS =
  "block w-full rounded-md border border-slate-300 bg-white px-2.5 text-sm text-slate-900 placeholder:text-slate-400 disabled:bg-slate-100 aria-invalid:border-red-500 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-500 dark:disabled:bg-slate-800 dark:aria-invalid:border-red-400 " +
  FOCUS_RING;

export function Input({ className = "", ...props }: React.ComponentProps<"input">) {
  return <input className={`${CONTROL_CLASS} h-8 ${className}`} {...props} />;
}

export function Textarea({ className = "", ...props }: React.ComponentProps<"textarea">) {
  return <textarea className={`${CONTROL_CLASS} py-1.5 ${className}`} {...props} />;
}
