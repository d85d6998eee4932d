import { DetailSkeleton } from "@/components/processes/detail-skeleton";

export default function Loading() {
  return <DetailSkeleton />;
}
