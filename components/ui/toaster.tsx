"use client";
// Draws the toasts of lib/client/toast.ts: role=status, or role=alert for errors.
import { ToastContext, useToastQueue, type TToast } from "@/lib/client/toast";

export function Toaster({ closeLabel, children }: { closeLabel: string; children: React.ReactNode }) {
  const { toasts, api, dismiss } = useToastQueue();
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-80 flex-col gap-2">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} closeLabel={closeLabel} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, onDismiss, closeLabel }: { toast: TToast; onDismiss: (id: number) => void; closeLabel: string }) {
  const tone = toast.tone === "error" ? "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100" : "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100";
  return (
    <div role={toast.tone === "error" ? "alert" : "status"} className={`pointer-events-auto flex items-start gap-2 rounded-md border px-3 py-2 text-sm shadow-md ${tone}`}>
      <p className="flex-1">{toast.message}</p>
      <button type="button" onClick={() => onDismiss(toast.id)} className="text-current opacity-60 hover:opacity-100" aria-label={closeLabel}>
        <span aria-hidden>✕</span>
      </button>
    </div>
  );
}
