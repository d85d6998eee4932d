import { Skeleton } from "@/components/ui/skeleton";

export function FormSkeleton() {
  return (
    <div role="status" aria-label="Loading" className="mx-auto max-w-5xl space-y-3">
      <Skeleton className="h-6 w-56" />
      {[6, 3, 12].map((fields, group) => (
        <div key={group} className="grid grid-cols-2 gap-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          {Array.from({ length: fields }, (_, index) => (
            <div key={index} className="space-y-1">
              <Skeleton className="h-3 w-24" />
              <Skeleton className="h-8 w-full" />
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
