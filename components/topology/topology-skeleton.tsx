import { PageSkeleton, Skeleton, SkeletonHeading } from "@/components/ui/skeleton";

/** The shape of the topology page while it loads: title, tree, host table. */
export function TopologySkeleton() {
  return (
    <PageSkeleton>
      <SkeletonHeading titleClass="h-6 w-56" actionClass="h-8 w-52" />
      <div className="grid gap-4 lg:grid-cols-[18rem_minmax(0,1fr)]">
        <div className="space-y-2 rounded-lg border border-slate-200 p-2 dark:border-slate-800">
          {Array.from({ length: 8 }, (_, index) => (
            <Skeleton key={index} className={`h-6 ${index % 4 === 0 ? "w-1/2" : "w-full"}`} />
          ))}
        </div>
        <div className="space-y-2">
          <Skeleton className="h-6 w-72" />
          {Array.from({ length: 6 }, (_, index) => (
            <Skeleton key={index} className="h-8 w-full" />
          ))}
        </div>
      </div>
    </PageSkeleton>
  );
}
