import { TaskHistorySkeleton } from "@/components/operations/skeletons";

export default function Loading() {
  return <TaskHistorySkeleton />;
}
