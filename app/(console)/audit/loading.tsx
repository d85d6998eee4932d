import { AuditTrailSkeleton } from "@/components/audit/audit-trail-skeleton";

export default function Loading() {
  return <AuditTrailSkeleton />;
}
