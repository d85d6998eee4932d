import { PageSkeleton, Skeleton, SkeletonCard, SkeletonHeading } from "@/components/ui/skeleton";

/** The shapes of the operation pages while their routes load. */
export function TaskHistorySkeleton() {
  return (
    <PageSkeleton>
      <Skeleton className="h-6 w-48" />
      <div className="flex gap-2">
        <Skeleton className="h-8 w-44" />
        <Skeleton className="h-8 w-40" />
        <Skeleton className="h-8 w-36" />
        <Skeleton className="h-8 w-44" />
      </div>
      <SkeletonCard rows={10} />
    </PageSkeleton>
  );
}

export function TaskDetailSkeleton() {
  return (
    <PageSkeleton className="space-y-4">
      <Skeleton className="h-6 w-80" />
      <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <Skeleton className="h-10 w-full" />
        <Skeleton className="h-2.5 w-full" />
      </div>
      <SkeletonCard rows={4} />
    </PageSkeleton>
  );
}

export function HostListSkeleton() {
  return (
    <PageSkeleton>
      <SkeletonHeading titleClass="h-6 w-48" actionClass="h-8 w-44" />
      <SkeletonCard rows={8} />
    </PageSkeleton>
  );
}
