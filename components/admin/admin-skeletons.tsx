import { PageSkeleton, Skeleton, SkeletonCard, SkeletonHeading } from "@/components/ui/skeleton";

/** The shapes of the administration pages while their routes load. */
export function AdminListSkeleton() {
  return (
    <PageSkeleton>
      <SkeletonHeading titleClass="h-6 w-40" actionClass="h-8 w-28" />
      <div className="flex gap-2">
        <Skeleton className="h-8 w-56" />
        <Skeleton className="h-8 w-36" />
      </div>
      <SkeletonCard rows={8} />
    </PageSkeleton>
  );
}

export function AdminDetailSkeleton() {
  return (
    <PageSkeleton className="mx-auto max-w-5xl space-y-4">
      <Skeleton className="h-4 w-24" />
      <Skeleton className="h-6 w-64" />
      {Array.from({ length: 3 }, (_, index) => (
        <div key={index} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-950">
          <Skeleton className="h-4 w-32" />
          <Skeleton className="h-8 w-full" />
          <Skeleton className="h-8 w-2/3" />
        </div>
      ))}
    </PageSkeleton>
  );
}
