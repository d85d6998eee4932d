"use client";
import { PageError } from "@/components/console/page-error";

export default function BusinessesError({ error, retry }: { error: unknown; retry: () => void }) {
  return <PageError error={error} retry={retry} />;
}
