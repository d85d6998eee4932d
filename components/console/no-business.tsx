"use client";
import { EmptyState } from "@/components/ui/notice";
import { useT } from "@/lib/client/i18n/lang-context";

export function NoBusiness() {
  const t = useT();
  return <EmptyState title={t("noBusinessTitle")} hint={t("noBusinessBody")} />;
}
