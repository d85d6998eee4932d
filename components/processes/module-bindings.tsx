"use client";
// Every module name of the business with its set count, bound ones first, one switch each. A switch
// flips at once (optimistic); if the server refuses, it flips back and a message says why.
import { useBizAbilities } from "@/components/console/biz-abilities";
import { Badge } from "@/components/ui/badge";
import { ErrorNotice } from "@/components/ui/notice";
import { SkeletonLines } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { useT } from "@/lib/client/i18n/lang-context";
import { useSetModuleBinding } from "@/lib/client/processes/mutations";
import { useProcessModules } from "@/lib/client/processes/queries";
import { useToast } from "@/lib/client/toast";

export function ModuleBindings({ bizId, processId }: { bizId: number; processId: number }) {
  const t = useT();
  const { showToast } = useToast();
  const modules = useProcessModules(bizId, processId);
  const setBinding = useSetModuleBinding(bizId, processId);
  const { canEdit } = useBizAbilities();

  return (
    <section aria-labelledby="bindings-title" className="self-start rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="border-b border-slate-200 px-4 py-2 dark:border-slate-800">
        <h2 id="bindings-title" className="text-sm font-semibold">
          {t("bindings")}
        </h2>
        <p className="text-xs text-slate-500 dark:text-slate-400">{t("bindingsHint")}</p>
        {!canEdit && <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{t("bindingsReadOnly")}</p>}
      </div>
      <div className="p-2">
        {modules.isError && !modules.data ? (
          <ErrorNotice title={t("errorTitle")} message={modules.error.message} retryLabel={t("retry")} onRetry={() => modules.refetch()} />
        ) : !modules.data ? (
          <div className="p-2">
            <SkeletonLines lines={4} label={t("loading")} />
          </div>
        ) : modules.data.length === 0 ? (
          <p className="p-2 text-sm text-slate-500 dark:text-slate-400">{t("noModulesToBind")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {modules.data.map((row) => (
              <li key={row.bk_module_name} data-module={row.bk_module_name} className="flex items-center gap-3 px-2 py-1.5">
                {canEdit && (
                  <Switch
                    isOn={row.is_bind === 1}
                    label={t("bindToggle", { module: row.bk_module_name })}
                    onChange={(isBound) =>
                      setBinding.mutate(
                        { moduleName: row.bk_module_name, isBound },
                        { onError: (error) => showToast(t("bindFailed", { module: row.bk_module_name, message: error.message }), "error") },
                      )
                    }
                  />
                )}
                <span className="flex-1 truncate text-sm font-medium">{row.bk_module_name}</span>
                <span className="text-xs text-slate-500 dark:text-slate-400">{row.set_num === 1 ? t("setCountOne") : t("setCount", { count: row.set_num })}</span>
                {row.is_bind === 1 ? (
                  <Badge tone="green">{t("bound")}</Badge>
                ) : (
                  // without a switch the state must be readable by everyone, not only screen readers
                  <span className={canEdit ? "sr-only" : "text-xs text-slate-400 dark:text-slate-500"}>{t("notBound")}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
