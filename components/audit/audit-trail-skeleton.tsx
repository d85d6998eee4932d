import { Skeleton } from "@/components/ui/skeleton";

/** The audit page's shape while it loads. */
export function AuditTrailSkeleton() {
  return (
    <div role="status" aria-label="Loading" className="space-y-3">
      <div className="flex justify-between">
        <Skeleton className="h-10 w-64" />
        <Skeleton className="h-8 w-32" />
      </div>
      <div className="flex flex-wrap gap-2">
        {["w-52", "w-40", "w-36", "w-36", "w-40", "w-32", "w-48", "w-48"].map((width, index) => (
          <Skeleton key={index} className={`h-12 ${width}`} />
        ))}
      </div>
      <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-950">
        {Array.from({ length: 10 }, (_, index) => (
          <Skeleton key={index} className="h-6 w-full" />
        ))}
      </div>
    </div>
  );
}
