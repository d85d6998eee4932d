import { PageSkeleton, Skeleton, SkeletonCard, SkeletonHeading } from "@/components/ui/skeleton";

/** The audit page's shape while it loads. */
export function AuditTrailSkeleton() {
  return (
    <PageSkeleton>
      <SkeletonHeading titleClass="h-10 w-64" actionClass="h-8 w-32" />
      <div className="flex flex-wrap gap-2">
        {["w-52", "w-40", "w-36", "w-36", "w-40", "w-32", "w-48", "w-48"].map((width, index) => (
          <Skeleton key={index} className={`h-12 ${width}`} />
        ))}
      </div>
      <SkeletonCard rows={10} rowClass="h-6" />
    </PageSkeleton>
  );
}
