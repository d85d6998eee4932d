"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** false in the server HTML, true once React runs in the browser: form controls wait for it (DisabledUntilHydrated). */
export function useIsHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
