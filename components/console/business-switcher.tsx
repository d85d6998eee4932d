"use client";
import { useId } from "react";
import { useRouter } from "next/navigation";
import { Select } from "@/components/ui/select";
import { BUSINESS_COOKIE } from "@/lib/access/cookie-names";
import { useT } from "@/lib/client/i18n/lang-context";
import { writeCookie } from "@/lib/client/read-cookie";
import { useBusinesses } from "@/lib/client/topology/queries";

/**
 * Picks the business whose processes are shown; the choice is remembered for the next visit to "/".
 * It lists only the businesses the user holds a role in (the server filters); a page of another one
 * (not found for them) shows "—" rather than pretending to be the first business.
 */
export function BusinessSwitcher({ currentBizId }: { currentBizId: number | null }) {
  const t = useT();
  const router = useRouter();
  const businesses = useBusinesses();
  const selectId = useId();
  const current = businesses.data?.find((business) => business.bk_biz_id === currentBizId);
  const isListed = currentBizId !== null && (!businesses.data || current !== undefined);
  return (
    // label beside the select, not around it: a wrapping label would make every business name part of
    // the select's accessible name
    <div className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
      <label htmlFor={selectId}>{t("business")}</label>
      <Select
        id={selectId}
        // on a wide screen as wide as the longest name up to a limit (a fixed width cut "Payments (prod)"
        // to "Payments ("); narrower, the header has no room to spare. The title shows a cut name whole.
        className="w-44! xl:w-auto! xl:max-w-72! xl:min-w-44!"
        title={current?.bk_biz_name}
        value={isListed ? currentBizId : ""}
        disabled={!businesses.data || businesses.data.length === 0}
        onChange={(event) => {
          if (!event.target.value) return;
          writeCookie(BUSINESS_COOKIE, event.target.value);
          router.push(`/biz/${event.target.value}/processes`);
        }}
      >
        {!isListed && <option value="">—</option>}
        {!businesses.data && isListed && <option value={currentBizId}>{currentBizId}</option>}
        {businesses.data?.map((business) => (
          <option key={business.bk_biz_id} value={business.bk_biz_id}>
            {business.bk_biz_name} ({business.bk_biz_id})
          </option>
        ))}
      </Select>
    </div>
  );
}
