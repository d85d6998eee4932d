"use client";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/notice";
import { useT } from "@/lib/client/i18n/lang-context";
import type { TMessageKey } from "@/lib/client/i18n/messages";

export function PageNotFound({ messageKey, backHref, backLabelKey = "backToList" }: { messageKey: TMessageKey; backHref: string; backLabelKey?: TMessageKey }) {
  const t = useT();
  return (
    <EmptyState title={t(messageKey)}>
      <LinkButton href={backHref}>{t(backLabelKey)}</LinkButton>
    </EmptyState>
  );
}
