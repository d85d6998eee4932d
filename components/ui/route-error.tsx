"use client";
// The body of every route's error.tsx: what happened (with the digest that names it in the server log),
// and a retry that fetches the route again (Next's `retry` refreshes the server components and resets).
import { ErrorNotice } from "@/components/ui/notice";
import { useT } from "@/lib/client/i18n/lang-context";

export type TRouteErrorProps = { error: Error & { digest?: string }; retry: () => void };

export function RouteError({ error, retry }: TRouteErrorProps) {
  const t = useT();
  const digest = error.digest ? ` (${error.digest})` : "";
  return (
    <div className="mx-auto max-w-2xl py-8">
      <ErrorNotice title={t("errorTitle")} message={`${t("errorBody")}${digest}`} retryLabel={t("retry")} onRetry={retry} />
    </div>
  );
}
