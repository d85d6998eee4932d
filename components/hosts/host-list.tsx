"use client";
// The hosts of a business: each agent's state, last heartbeat, version and the modules the host is in;
// refreshed every 10 s. Global administrators also get "Issue enrolment token" (a one-time token for a
// new agent) and Revoke per enrolled agent: agents serve hosts, not one business.
import Link from "next/link";
import { FOCUS_RING } from "@/components/ui/focus-ring";
import { EmptyState, ErrorNotice } from "@/components/ui/notice";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Cell, HeaderCell, Row, STICKY_CELL, STICKY_HEADER_CELL, Table, TableHead } from "@/components/ui/table";
import { useBizAbilities } from "@/components/console/biz-abilities";
import { EnrollmentTokenButton, InstallAgentButton } from "@/components/hosts/enrollment-token-dialog";
import { AgentVersionCell } from "@/components/hosts/agent-version-cell";
import { BulkEnrollmentButton } from "@/components/hosts/bulk-enrollment-dialog";
import { UpgradeAgentsButton } from "@/components/hosts/upgrade-agents-button";
import { Checkbox } from "@/components/ui/checkbox";
import { RevokeAgentButton } from "@/components/hosts/revoke-agent-button";
import { AgentStateBadge } from "@/components/operations/state-badges";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { useTimeZone } from "@/lib/client/i18n/time-zone-context";
import { useAgentBuildVersion, useHosts } from "@/lib/client/hosts/queries";
import { formatAgo, formatMoment } from "@/lib/client/operations/format";
import { taskListHref } from "@/lib/client/operations/task-list-view";
import { useNow } from "@/lib/client/use-now";
import { useState } from "react";
import { useFocusedHostIp } from "@/lib/client/hosts/use-focused-host";
import { showPlacementLabel } from "@/lib/client/topology/idle-pool-names";


export function HostList({ bizId, businessName }: { bizId: number; businessName: string }) {
  const t = useT();
  const { lang } = useLang();
  const timeZone = useTimeZone();
  const hosts = useHosts(bizId);
  const { isGlobalAdmin } = useBizAbilities();
  const now = useNow();
  // the header search links a host as ?ip=: that row is marked and scrolled into view
  const focusedIp = useFocusedHostIp(Boolean(hosts.data));
  const online = hosts.data?.filter((host) => host.agentState === "online").length ?? 0;
  const serverVersion = useAgentBuildVersion().data ?? null;
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const hasAgent = (host: { agentState: string }) => host.agentState === "online" || host.agentState === "offline";
  const upgradable = hosts.data?.filter(hasAgent) ?? [];
  const selectedIds = upgradable.filter((host) => selected.has(host.hostId)).map((host) => host.hostId);
  const toggle = (hostId: number) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(hostId)) next.add(hostId);
      return next;
    });
  const linkClass = `rounded text-blue-700 underline-offset-2 hover:underline dark:text-blue-400 ${FOCUS_RING}`;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold">
          {t("hostsTitle")} <span className="text-sm font-normal text-slate-500 dark:text-slate-400">· {businessName}</span>
        </h1>
        {hosts.data && (
          <span className="text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
            {t("agentsSummary", { online, total: hosts.data.length })}
          </span>
        )}
        {isGlobalAdmin && (
          <div className="ml-auto flex items-start gap-2">
            {selectedIds.length > 0 && <UpgradeAgentsButton bizId={bizId} hostIds={selectedIds} label={t("agentUpgradeSelected", { count: selectedIds.length })} onDone={() => setSelected(new Set())} />}
            <BulkEnrollmentButton />
            <EnrollmentTokenButton />
          </div>
        )}
      </div>
      {hosts.isError && !hosts.data ? (
        <ErrorNotice title={t("hostsError")} message={hosts.error.message} retryLabel={t("retry")} onRetry={() => hosts.refetch()} />
      ) : (
        <div className="overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
          <div className="overflow-x-auto">
            <Table>
              <caption className="sr-only">{t("hostsTable", { business: businessName })}</caption>
              <TableHead>
                <tr>
                  {isGlobalAdmin && (
                    <HeaderCell>
                      <Checkbox
                        aria-label={t("selectAllAgentHosts")}
                        checked={upgradable.length > 0 && selectedIds.length === upgradable.length}
                        onChange={(event) => setSelected(event.target.checked ? new Set(upgradable.map((host) => host.hostId)) : new Set())}
                      />
                    </HeaderCell>
                  )}
                  <HeaderCell className={STICKY_HEADER_CELL}>{t("ipColumn")}</HeaderCell>
                  <HeaderCell>{t("cloudColumn")}</HeaderCell>
                  <HeaderCell>{t("agentIdColumn")}</HeaderCell>
                  <HeaderCell>{t("hostNameColumn")}</HeaderCell>
                  <HeaderCell>{t("hostModulesColumn")}</HeaderCell>
                  <HeaderCell>{t("agentColumn")}</HeaderCell>
                  <HeaderCell>{t("heartbeatColumn")}</HeaderCell>
                  <HeaderCell>{t("versionColumn")}</HeaderCell>
                  <HeaderCell>
                    <span className="sr-only">{t("tasks")}</span>
                  </HeaderCell>
                </tr>
              </TableHead>
              <tbody>
                {hosts.data
                  ? hosts.data.map((host) => (
                      <Row key={host.hostId} data-ip={host.ip} aria-current={host.ip === focusedIp ? "true" : undefined} className="aria-[current=true]:bg-amber-50 dark:aria-[current=true]:bg-amber-950/40">
                        {isGlobalAdmin && (
                          <Cell>{hasAgent(host) && <Checkbox aria-label={t("selectAgentHost", { ip: host.ip })} checked={selected.has(host.hostId)} onChange={() => toggle(host.hostId)} />}</Cell>
                        )}
                        <Cell className={`font-mono text-xs ${STICKY_CELL}`}>{host.ip}</Cell>
                        <Cell>{host.cloudId}</Cell>
                        <Cell className="font-mono text-xs select-all" data-testid="agent-id">{host.agentId}</Cell>
                        <Cell>{host.hostName || t("notSet")}</Cell>
                        <Cell className="text-xs">{host.modules.map((label) => showPlacementLabel(lang, label)).join(", ") || t("notSet")}</Cell>
                        <Cell>
                          <span className="inline-flex items-center gap-1.5" title={host.revokedAt ? t("agentRevokedAt", { time: formatMoment(lang, host.revokedAt, timeZone) }) : undefined}>
                            <AgentStateBadge state={host.agentState} />
                          </span>
                        </Cell>
                        <Cell className="text-xs whitespace-nowrap">
                          {host.lastSeenAt ? (
                            <time dateTime={host.lastSeenAt} title={formatMoment(lang, host.lastSeenAt, timeZone)}>
                              {now === null ? formatMoment(lang, host.lastSeenAt, timeZone) : formatAgo(lang, host.lastSeenAt, now)}
                            </time>
                          ) : (
                            <span className="text-slate-500 dark:text-slate-400">{t("neverSeen")}</span>
                          )}
                        </Cell>
                        <Cell className="text-xs">
                          <AgentVersionCell host={host} serverVersion={serverVersion} />
                        </Cell>
                        <Cell className="text-xs whitespace-nowrap">
                          <div className="flex items-center justify-end gap-2">
                            {isGlobalAdmin && hasAgent(host) && (host.isAgentOutdated || host.agentUpgrade?.state === "failed") && (
                              <UpgradeAgentsButton bizId={bizId} hostIds={[host.hostId]} size="sm" label={t("agentUpgrade")} ariaLabel={t("agentUpgradeNamed", { ip: host.ip })} />
                            )}
                            {isGlobalAdmin && !hasAgent(host) && <InstallAgentButton ip={host.ip} cloudId={host.cloudId} />}
                            {isGlobalAdmin && hasAgent(host) && <RevokeAgentButton bizId={bizId} hostId={host.hostId} ip={host.ip} />}
                            <Link href={taskListHref(bizId, { ip: host.ip })} className={linkClass} aria-label={t("tasksOnHost", { ip: host.ip })}>
                              {t("tasks")}
                            </Link>
                          </div>
                        </Cell>
                      </Row>
                    ))
                  : <SkeletonRows rows={6} columns={isGlobalAdmin ? 10 : 9} />}
              </tbody>
            </Table>
          </div>
          {hosts.data?.length === 0 && <EmptyState title={t("noHosts")} />}
        </div>
      )}
    </div>
  );
}
