import type { Metadata } from "next";
import { readPageLanguage } from "@/lib/access/read-page-language";
import { translate } from "@/lib/client/i18n/translate";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/sign-in/sign-in-form";
import { readPageSession } from "@/lib/access/read-page-session";
import { safeReturnPath } from "@/lib/client/safe-return-path";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await readPageLanguage(), "signIn") };
}

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: TProps) {
  const query = await searchParams;
  const next = safeReturnPath(typeof query.next === "string" ? query.next : null);
  if (await readPageSession()) redirect(next);
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <SignInForm next={next} hasExpired={query.expired === "1"} />
    </main>
  );
}
