"use client";
// Copies a value to the clipboard and says so ("Copied") once it has; where the browser refuses, it
// stays "Copy" and the value can still be selected by hand.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/client/i18n/lang-context";

export function CopyButton({ value }: { value: string }) {
  const t = useT();
  const [isCopied, setIsCopied] = useState(false);
  return (
    <Button
      onClick={() =>
        void navigator.clipboard?.writeText(value).then(
          () => setIsCopied(true),
          () => setIsCopied(false),
        )
      }
    >
      {isCopied ? t("copied") : t("copy")}
    </Button>
  );
}
