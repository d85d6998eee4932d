"use client";
// The set → module tree of a business with host counts. A module is picked (its hosts show beside the
// tree); set actions (new module, rename, delete) sit on the set's row for those who may edit.
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FOCUS_RING } from "@/components/ui/focus-ring";
import { RefusalNotice } from "@/components/topology/refusal-notice";
import { NameDialog } from "@/components/topology/name-dialog";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { useToast } from "@/lib/client/toast";
import { useCreateNode, useDeleteNode, useRenameNode } from "@/lib/client/topology/mutations";
import type { TSetNode, TTopologyTree } from "@/lib/topology/get-topology-tree";
import { showModuleName, showSetName } from "@/lib/client/topology/idle-pool-names";

type TTreeProps = { bizId: number; tree: TTopologyTree; selectedModuleId: number | null; onSelect: (moduleId: number) => void; canEdit: boolean };

export function TopologyTree({ bizId, tree, selectedModuleId, onSelect, canEdit }: TTreeProps) {
  const t = useT();
  return (
    <nav aria-label={t("topoTreeLabel")} className="space-y-3 rounded-lg border border-slate-200 bg-white p-2 dark:border-slate-800 dark:bg-slate-950">
      {tree.sets.map((set) => (
        <SetBranch key={set.setId} bizId={bizId} set={set} selectedModuleId={selectedModuleId} onSelect={onSelect} canEdit={canEdit} />
      ))}
    </nav>
  );
}

type TBranchProps = { bizId: number; set: TSetNode; selectedModuleId: number | null; onSelect: (moduleId: number) => void; canEdit: boolean };

function SetBranch({ bizId, set, selectedModuleId, onSelect, canEdit }: TBranchProps) {
  const t = useT();
  const { lang } = useLang();
  const isIdlePool = set.defaultFlag === 1;
  const headingId = `set-${set.setId}`;
  return (
    <section aria-labelledby={headingId} data-set={set.name}>
      <div className="flex items-center gap-1 px-1 py-1">
        <h2 id={headingId} className="min-w-0 flex-1 truncate text-xs font-semibold text-slate-600 dark:text-slate-400" title={set.name}>
          {showSetName(lang, set.name)}
        </h2>
        <span className="text-xs text-slate-500 tabular-nums dark:text-slate-400" title={t("topoHostCount", { count: set.hostCount })}>
          {set.hostCount}
        </span>
        {canEdit && !isIdlePool && <SetActions bizId={bizId} set={set} onCreated={onSelect} />}
      </div>
      {isIdlePool && <p className="px-1 pb-1 text-[11px] text-slate-500 dark:text-slate-400">{t("topoIdlePoolHint")}</p>}
      {set.modules.length === 0 ? (
        <p className="px-2 py-1 text-xs text-slate-500 italic dark:text-slate-400">{t("topoNoModules")}</p>
      ) : (
        <ul className="space-y-0.5">
          {set.modules.map((module) => (
            <li key={module.moduleId}>
              <button
                type="button"
                aria-current={module.moduleId === selectedModuleId ? "true" : undefined}
                onClick={() => onSelect(module.moduleId)}
                className={`flex w-full items-center gap-2 rounded-md px-2 py-1 text-left text-sm text-slate-800 hover:bg-slate-100 aria-[current=true]:bg-blue-50 aria-[current=true]:font-medium aria-[current=true]:text-blue-800 dark:text-slate-200 dark:hover:bg-slate-800 dark:aria-[current=true]:bg-blue-950 dark:aria-[current=true]:text-blue-200 ${FOCUS_RING}`}
              >
                <span aria-hidden className="text-slate-400">
                  {module.defaultFlag === 0 ? "▪" : "◦"}
                </span>
                <span className="min-w-0 flex-1 truncate">{showModuleName(lang, module.name, module.defaultFlag !== 0)}</span>
                <Badge tone={module.hostCount ? "blue" : "neutral"}>
                  <span className="sr-only">{t("topoHostCount", { count: module.hostCount })}</span>
                  <span aria-hidden>{module.hostCount}</span>
                </Badge>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type TDialog = "module" | "rename" | "delete" | null;

function SetActions({ bizId, set, onCreated }: { bizId: number; set: TSetNode; onCreated: (moduleId: number) => void }) {
  const t = useT();
  const { showToast } = useToast();
  const [dialog, setDialog] = useState<TDialog>(null);
  const create = useCreateNode(bizId);
  const rename = useRenameNode(bizId);
  const remove = useDeleteNode(bizId);
  const open = (next: TDialog) => {
    create.reset();
    rename.reset();
    remove.reset();
    setDialog(next);
  };
  const close = () => setDialog(null);
  const done = (message: string) => {
    showToast(message);
    close();
  };

  return (
    <>
      <Button size="sm" variant="ghost" className="px-1.5!" aria-label={t("topoAddModuleTo", { set: set.name })} title={t("topoAddModule")} onClick={() => open("module")}>
        <span aria-hidden>＋</span>
      </Button>
      <Button size="sm" variant="ghost" className="px-1.5!" aria-label={t("topoRenameSetNamed", { set: set.name })} title={t("topoRename")} onClick={() => open("rename")}>
        <span aria-hidden>✎</span>
      </Button>
      <Button size="sm" variant="ghost" className="px-1.5! text-red-700! dark:text-red-400!" aria-label={t("topoDeleteSetNamed", { set: set.name })} title={t("delete")} onClick={() => open("delete")}>
        <span aria-hidden>✕</span>
      </Button>
      {dialog === "module" && (
        <NameDialog
          isOpen
          onClose={close}
          title={t("topoNewModuleIn", { set: set.name })}
          label={t("topoModuleName")}
          help={t("topoModuleNameHelp")}
          submitLabel={t("topoCreateModule")}
          isPending={create.isPending}
          error={create.error}
          onSubmit={(name) =>
            create.mutate(
              { setId: set.setId, name },
              {
                onSuccess: (created) => {
                  done(t("topoCreated", { name }));
                  if (created.moduleId) onCreated(created.moduleId);
                },
              },
            )
          }
        />
      )}
      {dialog === "rename" && (
        <NameDialog
          isOpen
          onClose={close}
          title={t("topoRenameSetNamed", { set: set.name })}
          label={t("topoSetName")}
          initialName={set.name}
          submitLabel={t("topoRename")}
          isPending={rename.isPending}
          error={rename.error}
          onSubmit={(name) => rename.mutate({ kind: "set", id: set.setId, name }, { onSuccess: () => done(t("topoRenamed", { name })) })}
        />
      )}
      {dialog === "delete" && (
        <ConfirmDialog
          isOpen
          onClose={close}
          title={t("topoDeleteSetNamed", { set: set.name })}
          confirmLabel={t("topoDeleteSet")}
          pendingLabel={t("topoWorking")}
          isPending={remove.isPending}
          isDanger
          onConfirm={() => remove.mutate({ kind: "set", id: set.setId }, { onSuccess: () => done(t("topoDeletedNamed", { name: set.name })) })}
        >
          <p>{t("topoDeleteSetBody", { set: set.name, count: set.modules.length })}</p>
          <RefusalNotice error={remove.error} />
        </ConfirmDialog>
      )}
    </>
  );
}
