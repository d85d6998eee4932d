import { AdminDetailSkeleton } from "@/components/admin/admin-skeletons";

export default function Loading() {
  return <AdminDetailSkeleton />;
}
