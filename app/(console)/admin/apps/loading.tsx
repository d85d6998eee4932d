import { AdminListSkeleton } from "@/components/admin/admin-skeletons";

export default function Loading() {
  return <AdminListSkeleton />;
}
