// Every page of one business: what the user may do there (for showing or hiding write controls) and
// remembering the business for "/". The pages check the session and the business themselves.
import { BizAbilitiesProvider } from "@/components/console/biz-abilities";
import { RememberBusiness } from "@/components/console/remember-business";
import { abilitiesIn, type TBizAbilities } from "@/lib/access/permissions";
import { readPageSession } from "@/lib/access/read-page-session";

// signed out: the page redirects to sign-in; until then nothing is offered
const NO_ABILITIES: TBizAbilities = { role: null, canOperate: false, canEdit: false, isGlobalAdmin: false };

type TProps = { children: React.ReactNode; params: Promise<{ bizId: string }> };

export default async function BusinessLayout({ children, params }: TProps) {
  const { bizId } = await params;
  const id = /^[1-9]\d{0,9}$/.test(bizId) ? Number(bizId) : null;
  const session = await readPageSession();
  const abilities = session && id !== null ? abilitiesIn(session.principal, id) : NO_ABILITIES;
  return (
    <BizAbilitiesProvider abilities={abilities}>
      {/* a business the user cannot see is not worth remembering: "/" would skip it anyway */}
      {id !== null && abilities.role !== null && <RememberBusiness bizId={id} />}
      {children}
    </BizAbilitiesProvider>
  );
}
