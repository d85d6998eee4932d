// Dense data table pieces: sticky header, zebra-free rows with hover, tabular numbers.
export function Table({ className = "", ...props }: React.ComponentProps<"table">) {
  return <table className={`w-full border-collapse text-left text-sm tabular-nums ${className}`} {...props} />;
}

export function TableHead(props: React.ComponentProps<"thead">) {
  return <thead className="sticky top-0 z-10 bg-slate-50 text-xs text-slate-600 dark:bg-slate-900 dark:text-slate-400" {...props} />;
}

export function HeaderCell({ className = "", ...props }: React.ComponentProps<"th">) {
  return <th className={`border-b border-slate-200 px-3 py-2 font-medium whitespace-nowrap dark:border-slate-700 ${className}`} {...props} />;
}

export function Row({ className = "", ...props }: React.ComponentProps<"tr">) {
  return <tr className={`border-b border-slate-100 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-900/60 ${className}`} {...props} />;
}

export function Cell({ className = "", ...props }: React.ComponentProps<"td">) {
  return <td className={`px-3 py-1.5 align-middle ${className}`} {...props} />;
}

/**
 * The name column of a wide table stays in view on horizontal scroll. Opaque (content scrolls under
 * it) with a hairline at its right edge; the header cell also sits above the sticky header row.
 */
export const STICKY_CELL = "sticky left-0 z-[1] bg-white shadow-[inset_-1px_0_0_var(--color-slate-200)] dark:bg-slate-950 dark:shadow-[inset_-1px_0_0_var(--color-slate-800)]";
export const STICKY_HEADER_CELL = "sticky left-0 z-20 bg-slate-50 shadow-[inset_-1px_0_0_var(--color-slate-200)] dark:bg-slate-900 dark:shadow-[inset_-1px_0_0_var(--color-slate-700)]";
