import { FOCUS_RING } from "@/components/ui/focus-ring";

export function Checkbox({ className = "", ...props }: Omit<React.ComponentProps<"input">, "type">) {
  return <input type="checkbox" className={`size-4 rounded border-slate-300 accent-blue-600 dark:accent-blue-400 ${FOCUS_RING} ${className}`} {...props} />;
}
