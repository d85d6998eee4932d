"use client";
// The non-visual half of the short-lived messages ("Saved", "Binding refused: …"): the queue, how long
// each stays (errors longer) and the context hooks reach it through. components/ui/toaster.tsx draws it,
// so code under lib/ can show a message without importing a component.
import { createContext, useCallback, useContext, useMemo, useState } from "react";

export type TToast = { id: number; message: string; tone: "success" | "error" };
export type TToastApi = { showToast: (message: string, tone?: TToast["tone"]) => void };

const SHOWN_AT_ONCE = 4;
const SHOWN_MS = { success: 4000, error: 8000 } as const;

export const ToastContext = createContext<TToastApi>({ showToast: () => {} });
let nextId = 1;

/** The toasts on screen now, the api to add one, and dismiss for the close button. */
export function useToastQueue(): { toasts: TToast[]; api: TToastApi; dismiss: (id: number) => void } {
  const [toasts, setToasts] = useState<TToast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)), []);
  const showToast = useCallback(
    (message: string, tone: TToast["tone"] = "success") => {
      const id = nextId++;
      setToasts((current) => [...current.slice(1 - SHOWN_AT_ONCE), { id, message, tone }]);
      setTimeout(() => dismiss(id), SHOWN_MS[tone]);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ showToast }), [showToast]);
  return { toasts, api, dismiss };
}

export function useToast(): TToastApi {
  return useContext(ToastContext);
}
