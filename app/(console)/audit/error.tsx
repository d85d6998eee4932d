"use client";
import { PageError } from "@/components/console/page-error";

export default function AuditError({ error, retry }: { error: unknown; retry: () => void }) {
  return <PageError error={error} retry={retry} />;
}
