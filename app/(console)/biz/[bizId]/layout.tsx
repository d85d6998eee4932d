import { RememberBusiness } from "@/components/console/remember-business";

type TProps = { children: React.ReactNode; params: Promise<{ bizId: string }> };

export default async function BusinessLayout({ children, params }: TProps) {
  const { bizId } = await params;
  return (
    <>
      {/^[1-9]\d{0,9}$/.test(bizId) && <RememberBusiness bizId={Number(bizId)} />}
      {children}
    </>
  );
}
