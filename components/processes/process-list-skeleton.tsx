import { Skeleton } from "@/components/ui/skeleton";

/** The list's shape while its route loads: toolbar and rows. */
export function ProcessListSkeleton() {
  return (
    <div role="status" aria-label="Loading" className="space-y-3">
      <Skeleton className="h-6 w-48" />
      <div className="flex gap-2">
        <Skeleton className="h-8 w-60" />
        <Skeleton className="h-8 w-48" />
        <Skeleton className="ml-auto h-8 w-64" />
      </div>
      <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-950">
        {Array.from({ length: 12 }, (_, index) => (
          <Skeleton key={index} className="h-5 w-full" />
        ))}
      </div>
    </div>
  );
}
