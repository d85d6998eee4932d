import type { Metadata } from "next";
import { Providers } from "@/components/console/providers";
import { readPageLanguage } from "@/lib/access/read-page-language";
import { readPageTimeZone } from "@/lib/access/read-page-time-zone";
import { messagesIn } from "@/lib/client/i18n/translate";
import "./globals.css";

export const metadata: Metadata = { title: { default: "Procdeck", template: "%s · Procdeck" }, description: "Process admin console" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [lang, timeZone] = await Promise.all([readPageLanguage(), readPageTimeZone()]);
  return (
    <html lang={lang === "zh" ? "zh-CN" : "en"}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <Providers lang={lang} messages={messagesIn(lang)} timeZone={timeZone}>{children}</Providers>
      </body>
    </html>
  );
}
