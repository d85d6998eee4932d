import { FOCUS_RING } from "@/components/ui/focus-ring";

type TSwitchProps = Omit<React.ComponentProps<"button">, "onChange"> & { isOn: boolean; onChange: (isOn: boolean) => void; label: string };

/** An on/off toggle: role="switch" with aria-checked, operable with Space and Enter like any button. */
export function Switch({ isOn, onChange, label, className = "", ...props }: TSwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={isOn}
      aria-label={label}
      onClick={() => onChange(!isOn)}
      className={`relative inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors ${isOn ? "bg-blue-600 dark:bg-blue-500" : "bg-slate-300 dark:bg-slate-600"} ${FOCUS_RING} ${className}`}
      {...props}
    >
      <span aria-hidden className={`inline-block size-4 rounded-full bg-white shadow transition-transform ${isOn ? "translate-x-4.5" : "translate-x-0.5"}`} />
    </button>
  );
}
