"use client";
// One module: its hosts (with their agents and every module they are in), and for those who may edit:
// add hosts, take chosen ones out or move them to another module, remove a host from the business,
// rename or delete the module.
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorNotice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { AddHostsDialog } from "@/components/topology/add-hosts-dialog";
import { ModuleActions } from "@/components/topology/module-actions";
import { ModuleHostTable } from "@/components/topology/module-host-table";
import { stripBase } from "@/components/topology/refusal-notice";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import type { useHosts } from "@/lib/client/hosts/queries";
import { useToast } from "@/lib/client/toast";
import { usePlaceHosts, useRemoveHostsFromModule } from "@/lib/client/topology/mutations";
import type { TModuleNode, TSetNode, TTopologyTree } from "@/lib/topology/get-topology-tree";
import { showModuleName, showPlacement, showSetName } from "@/lib/client/topology/idle-pool-names";

type TProps = {
  bizId: number;
  tree: TTopologyTree;
  set: TSetNode;
  module: TModuleNode;
  hostsQuery: ReturnType<typeof useHosts>;
  canEdit: boolean;
  onModuleGone: () => void;
};

export function ModulePanel({ bizId, tree, set, module, hostsQuery, canEdit, onModuleGone }: TProps) {
  const t = useT();
  const { lang } = useLang();
  const { showToast } = useToast();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [isAddOpen, setIsAddOpen] = useState(false);
  const [moveTarget, setMoveTarget] = useState("");
  const takeOut = useRemoveHostsFromModule(bizId);
  const move = usePlaceHosts(bizId);
  // for people (captions, toasts, the add dialog): the idle pool in the UI language; data-module keeps the stored names
  const label = showPlacement(lang, set.name, module.name);
  const isBuiltIn = module.defaultFlag !== 0;
  const hosts = hostsQuery.data?.filter((host) => host.moduleIds.includes(module.moduleId));
  const chosen = [...selected].filter((id) => hosts?.some((host) => host.hostId === id));
  const boundProcesses = isBuiltIn ? [] : (tree.bindings[module.name] ?? []);
  const otherModules = tree.sets.flatMap((other) => other.modules.filter((candidate) => candidate.moduleId !== module.moduleId).map((candidate) => ({ id: candidate.moduleId, label: showPlacement(lang, other.name, candidate.name) })));

  const failed = (error: Error) => showToast(stripBase(error.message), "error");
  const takeOutChosen = () =>
    takeOut.mutate(
      { moduleId: module.moduleId, hostIds: chosen },
      {
        onSuccess: () => {
          showToast(t("topoTakenOut", { count: chosen.length, module: label }));
          setSelected(new Set());
        },
        onError: failed,
      },
    );
  const moveChosen = () => {
    const target = otherModules.find((candidate) => String(candidate.id) === moveTarget);
    if (!target) return;
    move.mutate(
      { moduleId: target.id, hostIds: chosen, hosts: [], mode: "move" },
      {
        onSuccess: () => {
          showToast(t("topoMoved", { count: chosen.length, module: target.label }));
          setSelected(new Set());
          setMoveTarget("");
        },
        onError: failed,
      },
    );
  };

  return (
    <section aria-labelledby="module-title" className="min-w-0 space-y-3" data-module={`${set.name} / ${module.name}`}>
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="module-title" className="text-base font-semibold">
          <span className="font-normal text-slate-500 dark:text-slate-400">{showSetName(lang, set.name)} / </span>
          {showModuleName(lang, module.name, module.defaultFlag !== 0)}
        </h2>
        {module.defaultFlag === 1 && <Badge tone="neutral">{t("topoIdleModule")}</Badge>}
        {module.defaultFlag === 2 && <Badge tone="amber">{t("topoFaultModule")}</Badge>}
        <span className="text-xs text-slate-600 dark:text-slate-400">{t("topoHostCount", { count: module.hostCount })}</span>
        {canEdit && (
          <div className="ml-auto flex gap-2">
            <Button variant="primary" onClick={() => setIsAddOpen(true)}>
              {t("topoAddHosts")}
            </Button>
            {!isBuiltIn && <ModuleActions bizId={bizId} moduleId={module.moduleId} name={module.name} label={label} hostCount={module.hostCount} boundProcesses={boundProcesses} onDeleted={onModuleGone} />}
          </div>
        )}
      </div>
      {!isBuiltIn && (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {boundProcesses.length ? t("topoBoundProcesses", { processes: boundProcesses.join(", ") }) : t("topoNoBoundProcesses")}
        </p>
      )}

      {canEdit && chosen.length > 0 && (
        <div className="flex flex-wrap items-center gap-2 rounded-md border border-blue-200 bg-blue-50 px-3 py-2 text-sm dark:border-blue-900 dark:bg-blue-950/50" role="region" aria-label={t("topoSelectionActions")}>
          <span className="font-medium">{t("topoChosen", { count: chosen.length })}</span>
          <Button size="sm" onClick={takeOutChosen} disabled={takeOut.isPending}>
            {t("topoTakeOut")}
          </Button>
          <span className="text-slate-400" aria-hidden>
            ·
          </span>
          <label className="flex items-center gap-2 text-xs">
            {t("topoMoveTo")}
            <Select className="h-7! w-56!" value={moveTarget} onChange={(event) => setMoveTarget(event.target.value)}>
              <option value="">{t("topoChooseModule")}</option>
              {otherModules.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.label}
                </option>
              ))}
            </Select>
          </label>
          <Button size="sm" onClick={moveChosen} disabled={!moveTarget || move.isPending}>
            {t("topoMove")}
          </Button>
          <Button size="sm" variant="ghost" className="ml-auto" onClick={() => setSelected(new Set())}>
            {t("clearSelection")}
          </Button>
        </div>
      )}

      {hostsQuery.isError && !hostsQuery.data ? (
        <ErrorNotice title={t("hostsError")} message={hostsQuery.error.message} retryLabel={t("retry")} onRetry={() => hostsQuery.refetch()} />
      ) : (
        <div className="overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
          <div className="overflow-x-auto">
            <ModuleHostTable bizId={bizId} caption={t("topoHostsOf", { module: label })} hosts={hosts} canEdit={canEdit} selected={selected} onSelectedChange={setSelected} />
          </div>
          {hosts?.length === 0 && (
            <EmptyState title={t("topoEmptyModule")} hint={canEdit ? t("topoEmptyModuleHint") : undefined}>
              {canEdit && (
                <Button variant="primary" onClick={() => setIsAddOpen(true)}>
                  {t("topoAddHosts")}
                </Button>
              )}
            </EmptyState>
          )}
        </div>
      )}
      {isAddOpen && <AddHostsDialog bizId={bizId} moduleId={module.moduleId} moduleLabel={label} businessHosts={hostsQuery.data ?? []} onClose={() => setIsAddOpen(false)} />}
    </section>
  );
}
