"use client";
import { useRouter } from "next/navigation";
import { Select } from "@/components/ui/select";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { isLang } from "@/lib/core/ui-language";

/** English / 中文, remembered in a cookie; server-rendered parts follow after a refresh. */
export function LanguageSwitcher() {
  const t = useT();
  const { lang, setLang } = useLang();
  const router = useRouter();
  return (
    <label className="flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400">
      <span className="sr-only">{t("language")}</span>
      <Select
        className="w-auto! py-0"
        value={lang}
        onChange={(event) => {
          if (!isLang(event.target.value)) return;
          setLang(event.target.value);
          router.refresh();
        }}
      >
        <option value="en">English</option>
        <option value="zh">中文</option>
      </Select>
    </label>
  );
}
