"use client";
// The roles a user or an app holds, one row per business (or every business): change the role in
// place, revoke it, or grant a role in another business. Each change is saved at once; the server's
// answer replaces the list, and a refusal is shown as a toast.
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { Cell, HeaderCell, Row, Table, TableHead } from "@/components/ui/table";
import { grantScopeLabel, ROLE_NAME_KEYS } from "@/lib/client/role-names";
import { Moment } from "@/components/admin/moment";
import { ROLES, type TRole } from "@/lib/access/permissions";
import type { TGrantView } from "@/lib/access/grants/grant-scope";
import { isConsoleApiError } from "@/lib/client/console-fetch";
import { useT } from "@/lib/client/i18n/lang-context";
import { useToast } from "@/lib/client/toast";
import { useBusinesses } from "@/lib/client/topology/queries";

type TRoleGrantsEditorProps = {
  grants: TGrantView[];
  /** the user or app, for labels */
  subjectName: string;
  /** nothing can be changed (a revoked app) */
  isReadOnly?: boolean;
  onSet: (bizId: number, role: TRole) => Promise<unknown>;
  onRevoke: (bizId: number) => Promise<unknown>;
};

export function RoleGrantsEditor({ grants, subjectName, isReadOnly = false, onSet, onRevoke }: TRoleGrantsEditorProps) {
  const t = useT();
  const { showToast } = useToast();
  const [pendingBizId, setPendingBizId] = useState<number | null>(null);
  const allLabel = t("adminAllBusinesses");

  const run = async (bizId: number, change: () => Promise<unknown>, success: string) => {
    setPendingBizId(bizId);
    try {
      await change();
      showToast(success);
      return true;
    } catch (error) {
      showToast(isConsoleApiError(error) ? error.message : t("networkError"), "error");
      return false;
    } finally {
      setPendingBizId(null);
    }
  };

  return (
    <div className="space-y-4">
      {grants.length === 0 ? (
        <EmptyState title={t("adminNoRolesTitle", { name: subjectName })} hint={isReadOnly ? undefined : t("adminNoRolesHint")} />
      ) : (
        <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-800">
          <Table>
            <caption className="sr-only">{t("adminRolesOf", { name: subjectName })}</caption>
            <TableHead>
              <tr>
                <HeaderCell>{t("adminBusinessColumn")}</HeaderCell>
                <HeaderCell>{t("adminRoleColumn")}</HeaderCell>
                <HeaderCell>{t("adminGrantedByColumn")}</HeaderCell>
                <HeaderCell>
                  <span className="sr-only">{t("adminActionsColumn")}</span>
                </HeaderCell>
              </tr>
            </TableHead>
            <tbody>
              {grants.map((grant) => {
                const scope = grantScopeLabel(grant, allLabel);
                const isPending = pendingBizId === grant.bizId;
                return (
                  <Row key={grant.bizId} data-biz-id={grant.bizId}>
                    <Cell className="font-medium">{scope}</Cell>
                    <Cell>
                      <Select
                        className="w-36!"
                        aria-label={t("adminRoleIn", { business: scope })}
                        value={grant.role}
                        disabled={isReadOnly || isPending}
                        onChange={(event) => {
                          const role = event.target.value as TRole;
                          void run(grant.bizId, () => onSet(grant.bizId, role), t("adminRoleChanged", { business: scope, role: t(ROLE_NAME_KEYS[role]) }));
                        }}
                      >
                        {ROLES.map((role) => (
                          <option key={role} value={role}>
                            {t(ROLE_NAME_KEYS[role])}
                          </option>
                        ))}
                      </Select>
                    </Cell>
                    <Cell className="text-xs text-slate-600 dark:text-slate-400">
                      {grant.grantedBy || t("notSet")} · <Moment iso={grant.createdAt} />
                    </Cell>
                    <Cell className="text-right">
                      {!isReadOnly && (
                        <Button size="sm" variant="ghost" disabled={isPending} aria-label={t("adminRevokeRoleIn", { business: scope })} onClick={() => void run(grant.bizId, () => onRevoke(grant.bizId), t("adminRoleRevoked", { business: scope }))}>
                          {t("adminRevokeRole")}
                        </Button>
                      )}
                    </Cell>
                  </Row>
                );
              })}
            </tbody>
          </Table>
        </div>
      )}
      {!isReadOnly && <GrantForm grants={grants} isPending={pendingBizId !== null} onGrant={(bizId, role, scope) => run(bizId, () => onSet(bizId, role), t("adminRoleGranted", { business: scope, role: t(ROLE_NAME_KEYS[role]) }))} />}
    </div>
  );
}

function GrantForm({ grants, isPending, onGrant }: { grants: TGrantView[]; isPending: boolean; onGrant: (bizId: number, role: TRole, scope: string) => Promise<boolean> }) {
  const t = useT();
  const id = useId();
  const businesses = useBusinesses();
  const [bizValue, setBizValue] = useState("");
  const [role, setRole] = useState<TRole>("viewer");
  const granted = new Set(grants.map((grant) => grant.bizId));
  const options = [
    ...(granted.has(0) ? [] : [{ value: "0", label: t("adminAllBusinesses") }]),
    ...(businesses.data ?? []).filter((business) => !granted.has(business.bk_biz_id)).map((business) => ({ value: String(business.bk_biz_id), label: `${business.bk_biz_name} (${business.bk_biz_id})` })),
  ];
  const chosen = options.find((option) => option.value === bizValue);

  return (
    <form
      className="flex flex-wrap items-end gap-2 rounded-md bg-slate-50 p-3 dark:bg-slate-900"
      onSubmit={(event) => {
        event.preventDefault();
        if (!chosen) return;
        void onGrant(Number(chosen.value), role, chosen.label).then((isDone) => {
          if (isDone) setBizValue("");
        });
      }}
    >
      <label htmlFor={`${id}-biz`} className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
        {t("adminGrantBusinessLabel")}
        <Select id={`${id}-biz`} className="w-56!" value={chosen ? bizValue : ""} onChange={(event) => setBizValue(event.target.value)} disabled={!businesses.data}>
          <option value="">{businesses.data ? t("adminChooseBusiness") : t("loading")}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      </label>
      <label htmlFor={`${id}-role`} className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
        {t("adminGrantRoleLabel")}
        <Select id={`${id}-role`} className="w-36!" value={role} onChange={(event) => setRole(event.target.value as TRole)}>
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {t(ROLE_NAME_KEYS[option])}
            </option>
          ))}
        </Select>
      </label>
      <Button type="submit" variant="primary" disabled={!chosen || isPending}>
        {t("adminGrantRole")}
      </Button>
      <p className="basis-full text-xs text-slate-500 dark:text-slate-400">{t("adminRolesHelp")}</p>
    </form>
  );
}
