// "/": the process list of the remembered business (or the first one); an explanation when there is none.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { NoBusiness } from "@/components/console/no-business";
import { BUSINESS_COOKIE } from "@/lib/access/cookie-names";
import { isGlobalAdmin, visibleBusinessIds } from "@/lib/access/permissions";
import { readPageLanguage } from "@/lib/access/read-page-language";
import { requirePageSession } from "@/lib/access/read-page-session";
import { pickStartBusiness } from "@/lib/topology/pick-start-business";

export default async function HomePage() {
  const { principal } = await requirePageSession("/");
  const bizId = await pickStartBusiness(principal, (await cookies()).get(BUSINESS_COOKIE)?.value);
  if (bizId !== null) redirect(`/biz/${bizId}/processes`);
  return <NoBusiness lang={await readPageLanguage()} canSeeEveryBusiness={visibleBusinessIds(principal) === "all"} isGlobalAdmin={isGlobalAdmin(principal)} />;
}
