// A labelled form control with its required mark, help line and error message, wired with
// aria-describedby / aria-invalid so screen readers read the message with the field.
type TFieldProps = {
  id: string;
  label: string;
  isRequired?: boolean;
  requiredLabel?: string;
  help?: string;
  error?: string;
  children: (describedBy: string | undefined, isInvalid: boolean) => React.ReactNode;
};

export function Field({ id, label, isRequired, requiredLabel = "required", help, error, children }: TFieldProps) {
  const helpId = help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, helpId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="flex items-baseline gap-1 text-xs font-medium text-slate-700 dark:text-slate-300">
        {label}
        {isRequired && (
          <span className="text-red-600 dark:text-red-400" title={requiredLabel}>
            *<span className="sr-only"> ({requiredLabel})</span>
          </span>
        )}
      </label>
      {children(describedBy, Boolean(error))}
      {error && (
        <p id={errorId} className="text-xs text-red-700 first-letter:uppercase dark:text-red-400">
          {error}
        </p>
      )}
      {help && (
        <p id={helpId} className="text-xs text-slate-500 dark:text-slate-400">
          {help}
        </p>
      )}
    </div>
  );
}
