"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** false in the server HTML, true once React runs in the browser: submit buttons wait for it. */
export function useIsHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
