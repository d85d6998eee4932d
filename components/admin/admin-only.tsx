"use client";
// What someone who is not a global administrator sees at an administration address: why, and a way back.
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/notice";
import { useT } from "@/lib/client/i18n/lang-context";

export function AdminOnly() {
  const t = useT();
  return (
    <div data-page="forbidden">
      <EmptyState title={t("adminOnlyTitle")} hint={t("adminOnlyHint")}>
        <LinkButton href="/">{t("adminBackHome")}</LinkButton>
      </EmptyState>
    </div>
  );
}
