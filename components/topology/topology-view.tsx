"use client";
// The topology page of one business: the set → module tree on the left, the chosen module's hosts on
// the right (?module=<id> in the URL, so a view can be shared), and for those who may edit: new set,
// CSV import, and every change on sets, modules and hosts.
import { useState } from "react";
import { useBizAbilities } from "@/components/console/biz-abilities";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorNotice } from "@/components/ui/notice";
import { ImportHostsButton } from "@/components/topology/import-hosts-dialog";
import { ModulePanel } from "@/components/topology/module-panel";
import { NameDialog } from "@/components/topology/name-dialog";
import { TopologySkeleton } from "@/components/topology/topology-skeleton";
import { TopologyTree } from "@/components/topology/topology-tree";
import { useT } from "@/lib/client/i18n/lang-context";
import { useHosts } from "@/lib/client/hosts/queries";
import { useToast } from "@/lib/client/toast";
import { useCreateNode } from "@/lib/client/topology/mutations";
import { useTopologyTree } from "@/lib/client/topology/tree-queries";
import { useUrlQuery } from "@/lib/client/use-url-state";

export function TopologyView({ bizId, businessName }: { bizId: number; businessName: string }) {
  const t = useT();
  const { canEdit } = useBizAbilities();
  const tree = useTopologyTree(bizId);
  const hosts = useHosts(bizId);
  const [query, setQuery] = useUrlQuery();
  const wanted = Number(query.get("module"));
  const select = (moduleId: number | null, mode: "push" | "replace" = "push") => {
    const next = new URLSearchParams(query);
    if (moduleId === null) next.delete("module");
    else next.set("module", String(moduleId));
    setQuery(next, mode);
  };

  if (tree.isError && !tree.data) return <ErrorNotice title={t("topoTreeError")} message={tree.error.message} retryLabel={t("retry")} onRetry={() => tree.refetch()} />;
  if (!tree.data) return <TopologySkeleton />;

  const places = tree.data.sets.flatMap((set) => set.modules.map((module) => ({ set, module })));
  const current = places.find((place) => place.module.moduleId === wanted) ?? places[0];
  const ordinarySets = tree.data.sets.filter((set) => set.defaultFlag === 0);
  const moduleCount = ordinarySets.reduce((sum, set) => sum + set.modules.length, 0);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold">
          {t("topoTitle")} <span className="text-sm font-normal text-slate-500 dark:text-slate-400">· {businessName}</span>
        </h1>
        <span className="text-xs text-slate-600 dark:text-slate-400">{t("topoSummary", { sets: ordinarySets.length, modules: moduleCount, hosts: tree.data.hostCount })}</span>
        <div className="ml-auto flex gap-2">
          {canEdit ? (
            <>
              <ImportHostsButton bizId={bizId} />
              <NewSetButton bizId={bizId} />
            </>
          ) : (
            <p className="text-xs text-slate-500 dark:text-slate-400">{t("topoReadOnly")}</p>
          )}
        </div>
      </div>
      <div className="grid items-start gap-4 lg:grid-cols-[18rem_minmax(0,1fr)]">
        <TopologyTree bizId={bizId} tree={tree.data} selectedModuleId={current?.module.moduleId ?? null} onSelect={(moduleId) => select(moduleId)} canEdit={canEdit} />
        {current ? (
          <ModulePanel key={current.module.moduleId} bizId={bizId} tree={tree.data} set={current.set} module={current.module} hostsQuery={hosts} canEdit={canEdit} onModuleGone={() => select(null, "replace")} />
        ) : (
          <EmptyState title={t("topoNoModulesAtAll")} hint={canEdit ? t("topoNoModulesAtAllHint") : undefined} />
        )}
      </div>
    </div>
  );
}

function NewSetButton({ bizId }: { bizId: number }) {
  const t = useT();
  const { showToast } = useToast();
  const [isOpen, setIsOpen] = useState(false);
  const create = useCreateNode(bizId);
  return (
    <>
      <Button
        variant="primary"
        onClick={() => {
          create.reset();
          setIsOpen(true);
        }}
      >
        {t("topoNewSet")}
      </Button>
      {isOpen && (
        <NameDialog
          isOpen
          onClose={() => setIsOpen(false)}
          title={t("topoNewSet")}
          label={t("topoSetName")}
          submitLabel={t("topoCreateSet")}
          isPending={create.isPending}
          error={create.error}
          onSubmit={(name) =>
            create.mutate(
              { name },
              {
                onSuccess: () => {
                  showToast(t("topoCreated", { name }));
                  setIsOpen(false);
                },
              },
            )
          }
        />
      )}
    </>
  );
}
