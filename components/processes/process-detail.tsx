"use client";
// One process: all attributes by group, its module bindings (toggles), Operate, its instances on each
// host and its audit history.
import { useBizAbilities } from "@/components/console/biz-abilities";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/notice";
import { SkeletonLines } from "@/components/ui/skeleton";
import { AuditHistory } from "@/components/processes/audit-history";
import { DeleteProcessButton } from "@/components/processes/delete-process-button";
import { ModuleBindings } from "@/components/processes/module-bindings";
import { OperateButton } from "@/components/operations/operate-button";
import { ProcessInstances } from "@/components/operations/process-instances";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { useTimeZone } from "@/lib/client/i18n/time-zone-context";
import { formatDateTime } from "@/lib/client/i18n/fill-message";
import { attributeLabel, formatAttributeValue } from "@/lib/client/processes/format-attribute";
import { FORM_ATTRIBUTES } from "@/lib/client/processes/form-values";
import { useProcessDetail, type TProcessDetail } from "@/lib/client/processes/queries";
import { taskListHref } from "@/lib/client/operations/task-list-view";
import { ATTRIBUTE_GROUPS } from "@/lib/processes/attribute-metadata";

export function ProcessDetail({ bizId, processId }: { bizId: number; processId: number }) {
  const t = useT();
  const { lang } = useLang();
  const timeZone = useTimeZone();
  const detail = useProcessDetail(bizId, processId);
  const { canOperate, canEdit } = useBizAbilities();

  if (detail.isError && !detail.data) return <ErrorNotice title={t("errorTitle")} message={detail.error.message} retryLabel={t("retry")} onRetry={() => detail.refetch()} />;
  const record = detail.data?.record;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold">{record?.bk_process_name ?? "…"}</h1>
        {detail.data && (
          <>
            <Badge>{t("revision", { revision: detail.data.revision })}</Badge>
            <span className="text-xs text-slate-500 dark:text-slate-400">{t("updatedAt", { time: formatDateTime(lang, detail.data.updatedAt, timeZone) })}</span>
          </>
        )}
        <div className="ml-auto flex gap-2">
          {record && canOperate && <OperateButton bizId={bizId} record={record} />}
          <LinkButton href={taskListHref(bizId, { process: processId })} variant="ghost">
            {t("taskHistoryLink")}
          </LinkButton>
          {canEdit && <LinkButton href={`/biz/${bizId}/processes/${processId}/edit`}>{t("edit")}</LinkButton>}
          {record && canEdit && <DeleteProcessButton bizId={bizId} processId={processId} name={record.bk_process_name} />}
        </div>
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="attributes-title" className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <h2 id="attributes-title" className="border-b border-slate-200 px-4 py-2 text-sm font-semibold dark:border-slate-800">
            {t("attributes")}
          </h2>
          <div className="p-4">{detail.data ? <AttributeList detail={detail.data} /> : <SkeletonLines lines={12} label={t("loading")} />}</div>
        </section>
        <ModuleBindings bizId={bizId} processId={processId} />
      </div>
      <ProcessInstances bizId={bizId} processId={processId} name={record?.bk_process_name ?? ""} />
      <AuditHistory bizId={bizId} processId={processId} />
    </div>
  );
}

function AttributeList({ detail }: { detail: TProcessDetail }) {
  const { lang } = useLang();
  return (
    <div className="space-y-4">
      {ATTRIBUTE_GROUPS.map((group) => (
        <div key={group.id}>
          <h3 className="mb-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">{group.name[lang]}</h3>
          <dl className="grid grid-cols-[11rem_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
            {FORM_ATTRIBUTES.filter((attribute) => attribute.group === group.id).map((attribute) => {
              const value = detail.record[attribute.id as keyof typeof detail.record];
              const isUnset = value === null || value === "";
              return (
                <div key={attribute.id} className="contents">
                  <dt className="text-slate-500 dark:text-slate-400">{attributeLabel(attribute, lang)}</dt>
                  <dd data-attribute={attribute.id} className={`break-all ${isUnset ? "text-slate-400" : ""} ${attribute.type === "longchar" || attribute.id === "port" ? "font-mono text-xs leading-5" : ""}`}>
                    {formatAttributeValue(attribute.id, value, lang)}
                  </dd>
                </div>
              );
            })}
          </dl>
        </div>
      ))}
    </div>
  );
}
