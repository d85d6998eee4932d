import { FormSkeleton } from "@/components/processes/form-skeleton";

export default function Loading() {
  return <FormSkeleton />;
}
