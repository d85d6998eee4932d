import { PageSkeleton, Skeleton, SkeletonCard } from "@/components/ui/skeleton";

/** The list's shape while its route loads: toolbar and rows. */
export function ProcessListSkeleton() {
  return (
    <PageSkeleton>
      <Skeleton className="h-6 w-48" />
      <div className="flex gap-2">
        <Skeleton className="h-8 w-60" />
        <Skeleton className="h-8 w-48" />
        <Skeleton className="ml-auto h-8 w-64" />
      </div>
      <SkeletonCard rows={12} />
    </PageSkeleton>
  );
}
