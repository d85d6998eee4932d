"use client";
import { ErrorNotice } from "@/components/ui/notice";
import { useT } from "@/lib/client/i18n/lang-context";

/** The body of a route's error.tsx: what happened, and a retry that re-renders the route. */
export function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useT();
  const digest = error instanceof Error && "digest" in error ? ` (${String(error.digest)})` : "";
  return (
    <div className="mx-auto max-w-2xl py-8">
      <ErrorNotice title={t("errorTitle")} message={`${t("errorBody")}${digest}`} retryLabel={t("retry")} onRetry={retry} />
    </div>
  );
}
