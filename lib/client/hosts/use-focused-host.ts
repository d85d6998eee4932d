"use client";
// The host a link points at (/biz/{id}/hosts?ip=…, from the header search): its IP, and once the
// list has loaded its row is scrolled into view.
import { useEffect } from "react";
import { useSearchParams } from "next/navigation";

export function useFocusedHostIp(isLoaded: boolean): string | null {
  const ip = useSearchParams().get("ip");
  useEffect(() => {
    if (!ip || !isLoaded) return;
    document.querySelector(`tr[data-ip="${CSS.escape(ip)}"]`)?.scrollIntoView({ block: "center" });
  }, [ip, isLoaded]);
  return ip;
}
