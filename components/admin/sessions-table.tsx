"use client";
// Live sessions: where each was opened (client IP, browser), when, and when last used; each can be
// ended. The session of the page itself is marked, and on the account page it is left to Sign out.
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/notice";
import { Cell, HeaderCell, Row, Table, TableHead } from "@/components/ui/table";
import { Moment } from "@/components/admin/moment";
import type { TSessionView } from "@/lib/access/sessions/list-user-sessions";
import { describeUserAgent } from "@/lib/client/admin/describe-user-agent";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { useTimeZone } from "@/lib/client/i18n/time-zone-context";
import { formatMoment } from "@/lib/client/operations/format";

type TSessionsTableProps = {
  sessions: TSessionView[];
  caption: string;
  pendingId: string | null;
  onRevoke: (sessionId: string) => void;
  /** the current session gets no revoke button (the account page: use Sign out) */
  isCurrentKept?: boolean;
};

export function SessionsTable({ sessions, caption, pendingId, onRevoke, isCurrentKept = false }: TSessionsTableProps) {
  const t = useT();
  if (!sessions.length) return <EmptyState title={t("adminNoSessions")} hint={t("adminNoSessionsHint")} />;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-800">
      <Table>
        <caption className="sr-only">{caption}</caption>
        <TableHead>
          <tr>
            <HeaderCell>{t("adminBrowserColumn")}</HeaderCell>
            <HeaderCell>{t("adminClientIpColumn")}</HeaderCell>
            <HeaderCell>{t("adminSignedInColumn")}</HeaderCell>
            <HeaderCell>{t("adminLastSeenColumn")}</HeaderCell>
            <HeaderCell>{t("adminExpiresColumn")}</HeaderCell>
            <HeaderCell>
              <span className="sr-only">{t("adminActionsColumn")}</span>
            </HeaderCell>
          </tr>
        </TableHead>
        <tbody>
          {sessions.map((session) => {
            const browser = describeUserAgent(session.userAgent) || t("adminUnknownBrowser");
            return (
              <Row key={session.id} data-session-id={session.id}>
                <Cell>
                  <span title={session.userAgent || undefined}>{browser}</span>
                  {session.isCurrent && (
                    <span className="ml-2">
                      <Badge tone="blue">{t("adminThisSession")}</Badge>
                    </span>
                  )}
                </Cell>
                <Cell className="font-mono text-xs">{session.clientIp || <span className="font-sans text-slate-500 dark:text-slate-400">{t("adminUnknownIp")}</span>}</Cell>
                <Cell className="text-xs">
                  <Moment iso={session.createdAt} />
                </Cell>
                <Cell className="text-xs">
                  <Moment iso={session.lastSeenAt} />
                </Cell>
                <Cell className="text-xs">
                  <ExpiresAt iso={session.expiresAt} />
                </Cell>
                <Cell className="text-right">
                  {!(isCurrentKept && session.isCurrent) && (
                    <Button size="sm" variant="ghost" disabled={pendingId === session.id} aria-label={t("adminRevokeSessionFrom", { browser, ip: session.clientIp || t("adminUnknownIp") })} onClick={() => onRevoke(session.id)}>
                      {pendingId === session.id ? t("adminRevoking") : t("adminRevokeSession")}
                    </Button>
                  )}
                </Cell>
              </Row>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
}

function ExpiresAt({ iso }: { iso: string }) {
  const t = useT();
  const { lang } = useLang();
  const timeZone = useTimeZone();
  return (
    <time dateTime={iso} title={t("adminExpiresHelp")} className="whitespace-nowrap">
      {formatMoment(lang, iso, timeZone)}
    </time>
  );
}
