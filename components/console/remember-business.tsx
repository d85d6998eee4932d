"use client";
import { useEffect } from "react";
import { BUSINESS_COOKIE } from "@/lib/access/cookie-names";
import { writeCookie } from "@/lib/client/read-cookie";

/** Notes the business being looked at, so "/" opens it next time. */
export function RememberBusiness({ bizId }: { bizId: number }) {
  useEffect(() => writeCookie(BUSINESS_COOKIE, String(bizId)), [bizId]);
  return null;
}
