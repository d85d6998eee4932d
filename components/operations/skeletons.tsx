import { Skeleton } from "@/components/ui/skeleton";

/** The shapes of the operation pages while their routes load. */
export function TaskHistorySkeleton() {
  return (
    <div role="status" aria-label="Loading" className="space-y-3">
      <Skeleton className="h-6 w-48" />
      <div className="flex gap-2">
        <Skeleton className="h-8 w-44" />
        <Skeleton className="h-8 w-40" />
        <Skeleton className="h-8 w-36" />
        <Skeleton className="h-8 w-44" />
      </div>
      <TableSkeleton rows={10} />
    </div>
  );
}

export function TaskDetailSkeleton() {
  return (
    <div role="status" aria-label="Loading" className="space-y-4">
      <Skeleton className="h-6 w-80" />
      <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <Skeleton className="h-10 w-full" />
        <Skeleton className="h-2.5 w-full" />
      </div>
      <TableSkeleton rows={4} />
    </div>
  );
}

export function HostListSkeleton() {
  return (
    <div role="status" aria-label="Loading" className="space-y-3">
      <div className="flex justify-between">
        <Skeleton className="h-6 w-48" />
        <Skeleton className="h-8 w-44" />
      </div>
      <TableSkeleton rows={8} />
    </div>
  );
}

function TableSkeleton({ rows }: { rows: number }) {
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-950">
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} className="h-5 w-full" />
      ))}
    </div>
  );
}
