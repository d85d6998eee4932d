import { ProcessListSkeleton } from "@/components/processes/process-list-skeleton";

export default function Loading() {
  return <ProcessListSkeleton />;
}
