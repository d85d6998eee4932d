import Link from "next/link";
import { FOCUS_RING } from "@/components/ui/focus-ring";

type TVariant = "primary" | "secondary" | "danger" | "ghost";
type TSize = "sm" | "md";

const VARIANTS: Record<TVariant, string> = {
  primary: "bg-blue-600 text-white hover:bg-blue-700 disabled:bg-blue-600/50 dark:bg-blue-500 dark:hover:bg-blue-400 dark:text-slate-950",
  secondary:
    "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:text-slate-400 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800 dark:disabled:text-slate-500",
  danger: "bg-red-600 text-white hover:bg-red-700 disabled:bg-red-600/50 dark:bg-red-500 dark:hover:bg-red-400 dark:text-slate-950",
  ghost: "text-slate-700 hover:bg-slate-100 disabled:text-slate-400 dark:text-slate-200 dark:hover:bg-slate-800",
};
const SIZES: Record<TSize, string> = { sm: "h-7 px-2.5 text-xs", md: "h-8 px-3 text-sm" };

export function buttonClass(variant: TVariant = "secondary", size: TSize = "md", extra = "") {
  return `inline-flex shrink-0 items-center justify-center gap-1.5 whitespace-nowrap rounded-md font-medium transition-colors disabled:cursor-not-allowed ${VARIANTS[variant]} ${SIZES[size]} ${FOCUS_RING} ${extra}`;
}

type TButtonProps = React.ComponentProps<"button"> & { variant?: TVariant; size?: TSize };

export function Button({ variant, size, className = "", type = "button", ...props }: TButtonProps) {
  return <button type={type} className={buttonClass(variant, size, className)} {...props} />;
}

type TLinkButtonProps = React.ComponentProps<typeof Link> & { variant?: TVariant; size?: TSize };

export function LinkButton({ variant, size, className = "", ...props }: TLinkButtonProps) {
  return <Link className={buttonClass(variant, size, className)} {...props} />;
}
