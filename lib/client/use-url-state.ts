"use client";
// Reads and writes page state kept in the URL query. history.pushState / replaceState are picked up by
// Next's router (useSearchParams follows them) without a server round trip.
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";

export function useUrlQuery(): [URLSearchParams, (next: URLSearchParams, mode?: "push" | "replace") => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const setQuery = useCallback(
    (next: URLSearchParams, mode: "push" | "replace" = "push") => {
      const query = next.toString();
      const url = query ? `${pathname}?${query}` : pathname;
      if (mode === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [pathname],
  );
  return [new URLSearchParams(searchParams.toString()), setQuery];
}
