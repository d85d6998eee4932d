"use client";
// The hosts an operation runs on: filter by set, module and IP, tick hosts or all shown. The choice
// survives a filter change (the count says how many are chosen in all).
import { Checkbox } from "@/components/ui/checkbox";
import { ChoiceFilter, FilterField } from "@/components/ui/filter-field";
import { Input } from "@/components/ui/input";
import { EmptyState, ErrorNotice } from "@/components/ui/notice";
import { SkeletonLines } from "@/components/ui/skeleton";
import { Cell, HeaderCell, Row, Table, TableHead } from "@/components/ui/table";
import { AgentStateBadge } from "@/components/operations/state-badges";
import { useT } from "@/lib/client/i18n/lang-context";
import { distinctModules, distinctSets, filterHostChoices, type THostChoice, type THostFilter } from "@/lib/client/operations/operation-hosts";
import type { useOperationHosts } from "@/lib/client/operations/queries";

type TProps = {
  hostsQuery: ReturnType<typeof useOperationHosts>;
  hosts: THostChoice[];
  filter: THostFilter;
  onFilterChange: (filter: THostFilter) => void;
  selected: Set<number>;
  onSelectedChange: (selected: Set<number>) => void;
};

export function HostPicker({ hostsQuery, hosts, filter, onFilterChange, selected, onSelectedChange }: TProps) {
  const t = useT();
  const shown = filterHostChoices(hosts, filter);
  const shownSelected = shown.filter((host) => selected.has(host.hostId)).length;

  const select = (ids: number[], isSelected: boolean) => {
    const next = new Set(selected);
    for (const id of ids) {
      if (isSelected) next.add(id);
      else next.delete(id);
    }
    onSelectedChange(next);
  };

  return (
    <fieldset className="space-y-2">
      <legend className="text-xs font-semibold text-slate-700 dark:text-slate-300">{t("hosts")}</legend>
      <p className="-mt-1 text-xs text-slate-500 dark:text-slate-400">{t("operateHostsHint")}</p>
      {hostsQuery.isError && !hostsQuery.data ? (
        <ErrorNotice title={t("errorTitle")} message={hostsQuery.error.message} retryLabel={t("retry")} onRetry={() => hostsQuery.refetch()} />
      ) : !hostsQuery.data ? (
        <SkeletonLines lines={3} label={t("loading")} />
      ) : hosts.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-3 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">{t("noHostsBound")}</p>
      ) : (
        <>
          <div className="flex flex-wrap items-end gap-2">
            <ChoiceFilter label={t("setFilter")} anyLabel={t("anySet")} value={filter.set} options={distinctSets(hosts)} onChange={(set) => onFilterChange({ ...filter, set })} />
            <ChoiceFilter label={t("moduleFilterShort")} anyLabel={t("anyModule")} value={filter.module} options={distinctModules(hosts)} onChange={(module) => onFilterChange({ ...filter, module })} />
            <FilterField label={t("ipFilter")}>
              <Input type="search" className="w-40!" value={filter.ip} placeholder={t("ipPlaceholder")} onChange={(event) => onFilterChange({ ...filter, ip: event.target.value })} />
            </FilterField>
            <p className="ml-auto pb-1.5 text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
              {t("hostsSelected", { count: selected.size, total: hosts.length })}
            </p>
          </div>
          <div className="max-h-72 overflow-y-auto rounded-md border border-slate-200 dark:border-slate-700">
            <Table>
              <TableHead>
                <tr>
                  <HeaderCell className="w-8">
                    <Checkbox
                      aria-label={t("selectAllHosts", { count: shown.length })}
                      checked={shown.length > 0 && shownSelected === shown.length}
                      ref={(element) => {
                        if (element) element.indeterminate = shownSelected > 0 && shownSelected < shown.length;
                      }}
                      disabled={!shown.length}
                      onChange={(event) => select(shown.map((host) => host.hostId), event.target.checked)}
                    />
                  </HeaderCell>
                  <HeaderCell>{t("ipColumn")}</HeaderCell>
                  <HeaderCell>{t("setColumn")}</HeaderCell>
                  <HeaderCell>{t("moduleColumn")}</HeaderCell>
                  <HeaderCell>{t("agentColumn")}</HeaderCell>
                </tr>
              </TableHead>
              <tbody>
                {shown.map((host) => (
                  <Row key={host.hostId} data-ip={host.ip} className={selected.has(host.hostId) ? "bg-blue-50/70 dark:bg-blue-950/40" : ""}>
                    <Cell>
                      <Checkbox aria-label={t("selectHost", { ip: host.ip })} checked={selected.has(host.hostId)} onChange={(event) => select([host.hostId], event.target.checked)} />
                    </Cell>
                    <Cell className="font-mono text-xs">{host.ip}</Cell>
                    <Cell>{[...new Set(host.placements.map((p) => p.setName))].join(", ")}</Cell>
                    <Cell>{[...new Set(host.placements.map((p) => p.moduleName))].join(", ")}</Cell>
                    <Cell>
                      <AgentStateBadge state={host.agentState} />
                    </Cell>
                  </Row>
                ))}
              </tbody>
            </Table>
            {shown.length === 0 && <EmptyState title={t("noHostsMatch")} />}
          </div>
        </>
      )}
    </fieldset>
  );
}
