import { HostListSkeleton } from "@/components/operations/skeletons";

export default function Loading() {
  return <HostListSkeleton />;
}
