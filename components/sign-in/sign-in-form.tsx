"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ErrorNotice, WarningNotice } from "@/components/ui/notice";
import { LanguageSwitcher } from "@/components/console/language-switcher";
import { consoleFetch, isConsoleApiError } from "@/lib/client/console-fetch";
import { useT } from "@/lib/client/i18n/lang-context";
import { safeReturnPath } from "@/lib/client/safe-return-path";

type TCredentials = { username: string; password: string };

export function SignInForm({ next, hasExpired }: { next: string; hasExpired: boolean }) {
  const t = useT();
  const [credentials, setCredentials] = useState<TCredentials>({ username: "", password: "" });
  const signIn = useMutation({
    mutationFn: (input: TCredentials) => consoleFetch<{ username: string; mustChangePassword: boolean }>("/api/console/session", { method: "POST", body: input }),
    // a full page load: every server-rendered part now sees the new session cookie. A password an
    // administrator set must be replaced first: the account page, then on to where the user was going.
    // `next` is checked again here (the server already did): this is the line that navigates
    onSuccess: ({ mustChangePassword }) => {
      const target = safeReturnPath(next);
      window.location.assign(mustChangePassword ? `/account?next=${encodeURIComponent(target)}` : target);
    },
  });

  return (
    <div className="w-full max-w-sm">
      <div className="mb-4 flex items-center justify-between">
        <div>
          <h1 className="text-lg font-semibold">{t("signInTitle")}</h1>
          <p className="text-sm text-slate-500 dark:text-slate-400">{t("signInSubtitle")}</p>
        </div>
        <LanguageSwitcher />
      </div>
      <form
        method="post"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900"
        onSubmit={(event) => {
          event.preventDefault();
          signIn.mutate(credentials);
        }}
      >
        {hasExpired && !signIn.isError && <WarningNotice title={t("sessionEnded")} />}
        {signIn.isError && <ErrorNotice title={signIn.error.message} message={isConsoleApiError(signIn.error, "TOO_MANY_ATTEMPTS") ? t("signInLockedHint") : undefined} />}
        <Field id="username" label={t("username")}>
          {(describedBy) => (
            <Input id="username" name="username" autoComplete="username" required autoFocus aria-describedby={describedBy} value={credentials.username} onChange={(event) => setCredentials({ ...credentials, username: event.target.value })} />
          )}
        </Field>
        <Field id="password" label={t("password")}>
          {(describedBy) => (
            <Input id="password" name="password" type="password" autoComplete="current-password" required aria-describedby={describedBy} value={credentials.password} onChange={(event) => setCredentials({ ...credentials, password: event.target.value })} />
          )}
        </Field>
        <Button type="submit" variant="primary" className="w-full" disabled={signIn.isPending || signIn.isSuccess}>
          {signIn.isPending || signIn.isSuccess ? t("signingIn") : t("signIn")}
        </Button>
      </form>
    </div>
  );
}
