// Inline messages: an error with an optional retry, an empty state that says what to do, a warning.
import { Button } from "@/components/ui/button";

export function ErrorNotice({ title, message, retryLabel, onRetry }: { title: string; message?: string; retryLabel?: string; onRetry?: () => void }) {
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200">
      <p className="font-medium first-letter:uppercase">{title}</p>
      {message && <p className="mt-0.5 first-letter:uppercase">{message}</p>}
      {onRetry && (
        <Button size="sm" className="mt-2" onClick={onRetry}>
          {retryLabel}
        </Button>
      )}
    </div>
  );
}

export function WarningNotice({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100">
      <p className="font-medium">{title}</p>
      {children && <div className="mt-1 space-y-2">{children}</div>}
    </div>
  );
}

export function EmptyState({ title, hint, children }: { title: string; hint?: string; children?: React.ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-1 px-4 py-12 text-center">
      <p className="text-sm font-medium text-slate-800 dark:text-slate-200">{title}</p>
      {hint && <p className="text-sm text-slate-500 dark:text-slate-400">{hint}</p>}
      {children && <div className="mt-3">{children}</div>}
    </div>
  );
}
