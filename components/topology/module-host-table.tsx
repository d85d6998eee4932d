"use client";
// The hosts of one module: IP, cloud area, host name, every module the host is in, its agent. Rows
// can be chosen (for take out / move) and a host removed from the business, by those who may edit.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Cell, HeaderCell, Row, Table, TableHead } from "@/components/ui/table";
import { AgentStateBadge } from "@/components/operations/state-badges";
import { RefusalNotice } from "@/components/topology/refusal-notice";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { useToast } from "@/lib/client/toast";
import { showPlacementLabels } from "@/lib/client/topology/idle-pool-names";
import { useRemoveHostFromBusiness } from "@/lib/client/topology/mutations";
import type { THostView } from "@/lib/topology/list-hosts";

type TProps = { bizId: number; caption: string; hosts: THostView[] | undefined; canEdit: boolean; selected: Set<number>; onSelectedChange: (next: Set<number>) => void };

export function ModuleHostTable({ bizId, caption, hosts, canEdit, selected, onSelectedChange }: TProps) {
  const t = useT();
  const { lang } = useLang();
  const [removing, setRemoving] = useState<THostView | null>(null);
  const columns = canEdit ? 7 : 5;
  const isAllChosen = Boolean(hosts?.length) && hosts!.every((host) => selected.has(host.hostId));
  const choose = (ids: number[], isChosen: boolean) => {
    const next = new Set(selected);
    for (const id of ids) {
      if (isChosen) next.add(id);
      else next.delete(id);
    }
    onSelectedChange(next);
  };

  return (
    <>
      <Table>
        <caption className="sr-only">{caption}</caption>
        <TableHead>
          <tr>
            {canEdit && (
              <HeaderCell className="w-8">
                <Checkbox aria-label={t("topoChooseAllHosts")} checked={isAllChosen} disabled={!hosts?.length} onChange={(event) => choose(hosts?.map((host) => host.hostId) ?? [], event.target.checked)} />
              </HeaderCell>
            )}
            <HeaderCell>{t("ipColumn")}</HeaderCell>
            <HeaderCell>{t("cloudColumn")}</HeaderCell>
            <HeaderCell>{t("hostNameColumn")}</HeaderCell>
            <HeaderCell>{t("hostModulesColumn")}</HeaderCell>
            <HeaderCell>{t("agentColumn")}</HeaderCell>
            {canEdit && (
              <HeaderCell>
                <span className="sr-only">{t("topoRowActions")}</span>
              </HeaderCell>
            )}
          </tr>
        </TableHead>
        <tbody>
          {hosts ? (
            hosts.map((host) => (
              <Row key={host.hostId} data-ip={host.ip}>
                {canEdit && (
                  <Cell>
                    <Checkbox aria-label={t("selectHost", { ip: host.ip })} checked={selected.has(host.hostId)} onChange={(event) => choose([host.hostId], event.target.checked)} />
                  </Cell>
                )}
                <Cell className="font-mono text-xs">{host.ip}</Cell>
                <Cell>{host.cloudId}</Cell>
                <Cell>{host.hostName || t("notSet")}</Cell>
                <Cell className="text-xs">{showPlacementLabels(lang, host.modules)}</Cell>
                <Cell>
                  <AgentStateBadge state={host.agentState} />
                </Cell>
                {canEdit && (
                  <Cell className="text-right">
                    <Button size="sm" variant="ghost" className="text-red-700! dark:text-red-400!" onClick={() => setRemoving(host)} aria-label={t("topoRemoveFromBusinessNamed", { ip: host.ip })}>
                      {t("topoRemoveFromBusiness")}
                    </Button>
                  </Cell>
                )}
              </Row>
            ))
          ) : (
            <SkeletonRows rows={5} columns={columns} />
          )}
        </tbody>
      </Table>
      {removing && <RemoveFromBusinessDialog bizId={bizId} host={removing} onClose={() => setRemoving(null)} />}
    </>
  );
}

function RemoveFromBusinessDialog({ bizId, host, onClose }: { bizId: number; host: THostView; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { showToast } = useToast();
  const remove = useRemoveHostFromBusiness(bizId);
  return (
    <ConfirmDialog
      isOpen
      onClose={onClose}
      title={t("topoRemoveFromBusinessNamed", { ip: host.ip })}
      confirmLabel={t("topoRemoveFromBusiness")}
      pendingLabel={t("topoWorking")}
      isPending={remove.isPending}
      isDanger
      onConfirm={() =>
        remove.mutate(host.hostId, {
          onSuccess: () => {
            showToast(t("topoRemovedFromBusiness", { ip: host.ip }));
            onClose();
          },
        })
      }
    >
      <p>{t("topoRemoveFromBusinessBody", { ip: host.ip, modules: showPlacementLabels(lang, host.modules) })}</p>
      <RefusalNotice error={remove.error} />
    </ConfirmDialog>
  );
}
