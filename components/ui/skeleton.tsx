export function Skeleton({ className = "" }: { className?: string }) {
  return <div aria-hidden className={`animate-pulse rounded bg-slate-200 dark:bg-slate-800 ${className}`} />;
}

/** A block of placeholder lines with a label for screen readers. */
export function SkeletonLines({ lines = 5, label }: { lines?: number; label: string }) {
  return (
    <div role="status" aria-label={label} className="space-y-2">
      {Array.from({ length: lines }, (_, index) => (
        <Skeleton key={index} className={`h-4 ${index % 3 === 2 ? "w-2/3" : "w-full"}`} />
      ))}
    </div>
  );
}

/** Placeholder table rows while a table's data loads, one full-width bar per row. */
export function SkeletonRows({ rows, columns }: { rows: number; columns: number }) {
  return Array.from({ length: rows }, (_, index) => (
    <tr key={index}>
      <td colSpan={columns} className="px-3 py-2">
        <Skeleton className="h-5 w-full" />
      </td>
    </tr>
  ));
}

/** The shape of a page while its route loads (a loading.tsx), announced once for screen readers. */
export function PageSkeleton({ className = "space-y-3", children }: { className?: string; children: React.ReactNode }) {
  return (
    <div role="status" aria-label="Loading" className={className}>
      {children}
    </div>
  );
}

/** A title on the left and an action button on the right, by their widths. */
export function SkeletonHeading({ titleClass, actionClass }: { titleClass: string; actionClass: string }) {
  return (
    <div className="flex justify-between">
      <Skeleton className={titleClass} />
      <Skeleton className={actionClass} />
    </div>
  );
}

/** A list's rows in their card, one full-width bar a row. */
export function SkeletonCard({ rows, rowClass = "h-5" }: { rows: number; rowClass?: string }) {
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-950">
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} className={`${rowClass} w-full`} />
      ))}
    </div>
  );
}
