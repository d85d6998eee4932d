import { TaskDetailSkeleton } from "@/components/operations/skeletons";

export default function Loading() {
  return <TaskDetailSkeleton />;
}
