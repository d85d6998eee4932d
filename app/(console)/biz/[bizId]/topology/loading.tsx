import { TopologySkeleton } from "@/components/topology/topology-skeleton";

export default function Loading() {
  return <TopologySkeleton />;
}
