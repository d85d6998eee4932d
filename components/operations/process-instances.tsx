"use client";
// Per host of a process: running or stopped, pid, uptime, CPU, memory, managed flag, restarts and the
// last change, as its agent last reported them; refreshed every 3 s while the page is open. A host
// whose agent is not online shows that instead of a state it can no longer vouch for.
import { Badge } from "@/components/ui/badge";
import { ErrorNotice } from "@/components/ui/notice";
import { SkeletonLines } from "@/components/ui/skeleton";
import { Cell, HeaderCell, Row, Table, TableHead } from "@/components/ui/table";
import { AgentStateBadge } from "@/components/operations/state-badges";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { useTimeZone } from "@/lib/client/i18n/time-zone-context";
import { formatMoment } from "@/lib/client/operations/format";
import { formatBytes, formatCpu, formatUptime } from "@/lib/client/operations/format-figures";
import { useNow } from "@/lib/client/use-now";
import { useProcessInstances } from "@/lib/client/operations/queries";
import { groupOperationHosts } from "@/lib/client/operations/operation-hosts";
import type { TProcessInstance } from "@/lib/operations/list-process-instances";
import { showPlacement } from "@/lib/client/topology/idle-pool-names";
import { translateAgentMessage } from "@/lib/client/operations/agent-messages";

export function ProcessInstances({ bizId, processId, name }: { bizId: number; processId: number; name: string }) {
  const t = useT();
  const instances = useProcessInstances(bizId, processId);
  return (
    <section aria-labelledby="instances-title" className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="border-b border-slate-200 px-4 py-2 dark:border-slate-800">
        <h2 id="instances-title" className="text-sm font-semibold">
          {t("instancesTitle")}
        </h2>
        <p className="text-xs text-slate-500 dark:text-slate-400">{t("instancesHint")}</p>
      </div>
      {instances.isError && !instances.data ? (
        <div className="p-4">
          <ErrorNotice title={t("errorTitle")} message={instances.error.message} retryLabel={t("retry")} onRetry={() => instances.refetch()} />
        </div>
      ) : !instances.data ? (
        <div className="p-4">
          <SkeletonLines lines={3} label={t("loading")} />
        </div>
      ) : instances.data.length === 0 ? (
        <p className="p-4 text-sm text-slate-500 dark:text-slate-400">{t("noHostsBound")}</p>
      ) : (
        <div className="overflow-x-auto">
          <InstanceTable rows={instances.data} caption={t("instancesTable", { name })} />
        </div>
      )}
    </section>
  );
}

function InstanceTable({ rows, caption }: { rows: TProcessInstance[]; caption: string }) {
  const t = useT();
  const { lang } = useLang();
  const timeZone = useTimeZone();
  const now = useNow();
  // one row per host: a host in two bound modules shows both placements
  const placements = new Map(groupOperationHosts(rows).map((host) => [host.hostId, host.placements]));
  const byHost = [...new Map(rows.map((row) => [row.hostId, row])).values()];
  return (
    <Table>
      <caption className="sr-only">{caption}</caption>
      <TableHead>
        <tr>
          <HeaderCell>{t("ipColumn")}</HeaderCell>
          <HeaderCell>{t("hostModulesColumn")}</HeaderCell>
          <HeaderCell>{t("processStateColumn")}</HeaderCell>
          <HeaderCell>{t("pidColumn")}</HeaderCell>
          <HeaderCell className="text-right">{t("liveUptimeColumn")}</HeaderCell>
          <HeaderCell className="text-right">
            <span title={t("liveFiguresHint")}>{t("liveCpuColumn")}</span>
          </HeaderCell>
          <HeaderCell className="text-right">
            <span title={t("liveFiguresHint")}>{t("liveMemoryColumn")}</span>
          </HeaderCell>
          <HeaderCell>
            <span title={t("managedHint")}>{t("managedColumn")}</span>
          </HeaderCell>
          <HeaderCell className="text-right">{t("restartsColumn")}</HeaderCell>
          <HeaderCell>{t("lastEventColumn")}</HeaderCell>
          <HeaderCell>{t("lastChangeColumn")}</HeaderCell>
          <HeaderCell>{t("agentColumn")}</HeaderCell>
        </tr>
      </TableHead>
      <tbody>
        {byHost.map((row) => (
          <Row key={row.hostId} data-ip={row.ip}>
            <Cell className="font-mono text-xs">{row.ip}</Cell>
            <Cell className="text-xs">{placements.get(row.hostId)?.map((p) => showPlacement(lang, p.setName, p.moduleName)).join(", ") || t("notSet")}</Cell>
            <Cell data-column="process-state">
              {row.agentState !== "online" && row.agentState !== "none" ? (
                <span data-instance-state="unreachable" className="text-xs text-slate-500 dark:text-slate-400">
                  {t("liveStateHostOffline")}
                </span>
              ) : !row.isKnown ? (
                <span className="text-xs text-slate-500 dark:text-slate-400">{t("instanceUnknown")}</span>
              ) : row.isRunning ? (
                <span data-instance-state="running">
                  <Badge tone="green">{t("instanceRunning")}</Badge>
                </span>
              ) : (
                <span data-instance-state="stopped">
                  <Badge>{t("instanceStopped")}</Badge>
                </span>
              )}
            </Cell>
            <Cell className="font-mono text-xs">{row.pid ?? t("notSet")}</Cell>
            <Cell data-column="uptime" className="text-right text-xs whitespace-nowrap">
              {row.isRunning && row.startedAt && now !== null ? formatUptime(lang, now - new Date(row.startedAt).getTime()) : t("notSet")}
            </Cell>
            <Cell data-column="cpu" className="text-right font-mono text-xs">
              {row.isRunning && row.cpuPercent !== null ? formatCpu(row.cpuPercent) : t("notSet")}
            </Cell>
            <Cell data-column="memory" className="text-right font-mono text-xs whitespace-nowrap">
              {row.isRunning && row.memBytes !== null ? formatBytes(row.memBytes) : t("notSet")}
            </Cell>
            <Cell>
              {row.isKnown && (row.isManaged ? <Badge tone="blue">{t("managedYes")}</Badge> : <span title={t("managedHint")} className="text-xs text-slate-500 dark:text-slate-400">{t("managedNo")}</span>)}
            </Cell>
            <Cell className="text-right text-xs">{row.isKnown ? row.restartCount : t("notSet")}</Cell>
            <Cell className="max-w-64 truncate text-xs" title={row.lastEvent}>
              {row.lastEvent ? translateAgentMessage(lang, row.lastEvent) : t("notSet")}
            </Cell>
            <Cell className="text-xs whitespace-nowrap">{row.updatedAt ? <time dateTime={row.updatedAt}>{formatMoment(lang, row.updatedAt, timeZone)}</time> : t("notSet")}</Cell>
            <Cell>
              <AgentStateBadge state={row.agentState} />
            </Cell>
          </Row>
        ))}
      </tbody>
    </Table>
  );
}
