"use client";
// Why the server refused a delete or removal (hosts still in a module, processes bound to its name,
// tasks running on a host): its explanation as the reason, anything else as an error.
import { ErrorNotice, WarningNotice } from "@/components/ui/notice";
import { isConsoleApiError } from "@/lib/client/console-fetch";
import { useT } from "@/lib/client/i18n/lang-context";

export function RefusalNotice({ error }: { error: Error | null }) {
  const t = useT();
  if (!error) return null;
  const isRefusal = isConsoleApiError(error) && (error.kind === "IN_USE" || error.kind === "FIELD_CHECK_FAILED" || error.kind === "NOT_FOUND");
  if (!isRefusal) return <ErrorNotice title={error.message} />;
  return (
    <WarningNotice title={t("topoRefusedTitle")}>
      <p className="text-sm first-letter:uppercase">{stripBase(error.message)}</p>
    </WarningNotice>
  );
}

/** "Field value check does not pass: <why>" → "<why>": the base phrase says nothing to a person here. */
export function stripBase(message: string): string {
  const at = message.indexOf(": ");
  return at >= 0 ? message.slice(at + 2) : message;
}
