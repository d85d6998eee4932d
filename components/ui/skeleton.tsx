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
