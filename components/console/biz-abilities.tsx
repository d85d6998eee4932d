"use client";
// What the signed-in user may do in the business of the page, computed on the server by the
// business layout (lib/access/permissions.ts) and read by the controls that write. Hiding a control is
// a courtesy: the server refuses the write anyway (403), but nobody should be offered a button that fails.
import { createContext, useContext } from "react";
import type { TBizAbilities } from "@/lib/access/permissions";

/** Outside a business page: nothing that writes. */
const NO_ABILITIES: TBizAbilities = { role: null, canOperate: false, canEdit: false, isGlobalAdmin: false };

const BizAbilitiesContext = createContext<TBizAbilities>(NO_ABILITIES);

export function BizAbilitiesProvider({ abilities, children }: { abilities: TBizAbilities; children: React.ReactNode }) {
  return <BizAbilitiesContext.Provider value={abilities}>{children}</BizAbilitiesContext.Provider>;
}

export function useBizAbilities(): TBizAbilities {
  return useContext(BizAbilitiesContext);
}
