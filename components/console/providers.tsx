"use client";
// Client-side context of every page: TanStack Query (one client per browser tab), UI language, the
// time zone dates are shown in, toasts; form controls disabled until the page has hydrated.
// A 401 from any query or mutation means the session ended: go to sign-in and come back here after.
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { DisabledUntilHydrated } from "@/components/ui/disabled-until-hydrated";
import { Toaster } from "@/components/ui/toaster";
import { isConsoleApiError } from "@/lib/client/console-fetch";
import { LangProvider, useT } from "@/lib/client/i18n/lang-context";
import { TimeZoneProvider } from "@/lib/client/i18n/time-zone-context";
import { isSignOutInProgress } from "@/lib/client/sign-out-state";
import type { TLangMessages } from "@/lib/client/i18n/translate";
import type { TLang } from "@/lib/core/i18n";

function redirectWhenSignedOut(error: unknown) {
  if (!isConsoleApiError(error) || error.status !== 401 || isSignOutInProgress() || window.location.pathname.startsWith("/sign-in")) return;
  const back = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/sign-in?expired=1&next=${encodeURIComponent(back)}`);
}

function createQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({ onError: redirectWhenSignedOut }),
    mutationCache: new MutationCache({ onError: redirectWhenSignedOut }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // a refusal (4xx) will not change by asking again; network trouble and 5xx may
        retry: (failureCount, error) => !(isConsoleApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  });
}

/** `messages`: the UI text in `lang` (the server's messagesIn), so the browser need not load both languages. */
export function Providers({ lang, messages, timeZone, children }: { lang: TLang; messages: TLangMessages; timeZone: string; children: React.ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <LangProvider initialLang={lang} messages={messages}>
        <TimeZoneProvider initialTimeZone={timeZone}>
          <LocalizedToaster>
            <DisabledUntilHydrated>{children}</DisabledUntilHydrated>
          </LocalizedToaster>
        </TimeZoneProvider>
      </LangProvider>
    </QueryClientProvider>
  );
}

function LocalizedToaster({ children }: { children: React.ReactNode }) {
  const t = useT();
  return <Toaster closeLabel={t("close")}>{children}</Toaster>;
}
