"use client";
// Every form control of a page is disabled until React has hydrated it. The page is painted before
// its scripts run (scripts/support/page-scripts/), and a control that looked ready then would drop
// what is typed or clicked into it: a field's text that its form's state never sees, a button with no
// handler yet. Links work all along. `contents`: the fieldset adds no box of its own.
import { useIsHydrated } from "@/lib/client/use-is-hydrated";

export function DisabledUntilHydrated({ children }: { children: React.ReactNode }) {
  const isHydrated = useIsHydrated();
  return (
    <fieldset disabled={!isHydrated} className="contents">
      {children}
    </fieldset>
  );
}
