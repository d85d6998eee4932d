"use client";
// The business the header's navigation is about: the page's own (/biz/{id}/…), else on pages beyond
// one business (audit, administration, account) the one last looked at, so its pages stay one click
// away. Read after hydration: the server's HTML has none there, and the cookie may change meanwhile.
import { useEffect, useState } from "react";
import { usePathname } from "next/navigation";
import { BUSINESS_COOKIE } from "@/lib/access/cookie-names";
import { readCookie } from "@/lib/client/read-cookie";

export function useNavBusinessId(pathBizId: number | null): number | null {
  const pathname = usePathname();
  const [remembered, setRemembered] = useState<number | null>(null);
  useEffect(() => {
    if (pathBizId !== null) return;
    const value = readCookie(BUSINESS_COOKIE) ?? "";
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the cookie is only readable after hydration
    setRemembered(/^[1-9]\d{0,9}$/.test(value) ? Number(value) : null);
  }, [pathBizId, pathname]);
  return pathBizId ?? remembered;
}
