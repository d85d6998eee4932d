"use client";
// Rename and delete of one ordinary module (the idle and fault modules are built in and have neither).
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RefusalNotice } from "@/components/topology/refusal-notice";
import { NameDialog } from "@/components/topology/name-dialog";
import { useT } from "@/lib/client/i18n/lang-context";
import { useToast } from "@/lib/client/toast";
import { useDeleteNode, useRenameNode } from "@/lib/client/topology/mutations";

type TProps = { bizId: number; moduleId: number; name: string; label: string; hostCount: number; boundProcesses: string[]; onDeleted: () => void };

export function ModuleActions({ bizId, moduleId, name, label, hostCount, boundProcesses, onDeleted }: TProps) {
  const t = useT();
  const { showToast } = useToast();
  const [dialog, setDialog] = useState<"rename" | "delete" | null>(null);
  const rename = useRenameNode(bizId);
  const remove = useDeleteNode(bizId);
  const open = (next: "rename" | "delete") => {
    rename.reset();
    remove.reset();
    setDialog(next);
  };
  const close = () => setDialog(null);

  return (
    <>
      <Button onClick={() => open("rename")}>{t("topoRename")}</Button>
      <Button variant="danger" onClick={() => open("delete")}>
        {t("topoDeleteModule")}
      </Button>
      {dialog === "rename" && (
        <NameDialog
          isOpen
          onClose={close}
          title={t("topoRenameModuleNamed", { module: label })}
          label={t("topoModuleName")}
          help={boundProcesses.length ? t("topoRenameBoundHelp", { processes: boundProcesses.join(", ") }) : t("topoModuleNameHelp")}
          initialName={name}
          submitLabel={t("topoRename")}
          isPending={rename.isPending}
          error={rename.error}
          onSubmit={(next) =>
            rename.mutate(
              { kind: "module", id: moduleId, name: next },
              {
                onSuccess: () => {
                  showToast(t("topoRenamed", { name: next }));
                  close();
                },
              },
            )
          }
        />
      )}
      {dialog === "delete" && (
        <ConfirmDialog
          isOpen
          onClose={close}
          title={t("topoDeleteModuleNamed", { module: label })}
          confirmLabel={t("topoDeleteModule")}
          pendingLabel={t("topoWorking")}
          isPending={remove.isPending}
          isDanger
          onConfirm={() =>
            remove.mutate(
              { kind: "module", id: moduleId },
              {
                onSuccess: () => {
                  showToast(t("topoDeletedNamed", { name: label }));
                  close();
                  onDeleted();
                },
              },
            )
          }
        >
          <p>{hostCount ? t("topoDeleteModuleWithHosts", { module: label, count: hostCount }) : t("topoDeleteModuleBody", { module: label })}</p>
          <RefusalNotice error={remove.error} />
        </ConfirmDialog>
      )}
    </>
  );
}
