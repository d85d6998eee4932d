"use client";
// Editing with optimistic concurrency: the form starts from one snapshot (revision N) and saves with
// expectedRevision N. If someone saved meanwhile, the server refuses and we say so, instead of
// overwriting their change; "Load latest version" restarts the form from the current record.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNotice, WarningNotice } from "@/components/ui/notice";
import { SkeletonLines } from "@/components/ui/skeleton";
import { ProcessForm } from "@/components/processes/process-form";
import { isConsoleApiError } from "@/lib/client/console-fetch";
import { useT } from "@/lib/client/i18n/lang-context";
import { toFormValues } from "@/lib/client/processes/form-values";
import { useUpdateProcess } from "@/lib/client/processes/mutations";
import { useProcessDetail, type TProcessDetail } from "@/lib/client/processes/queries";
import { useToast } from "@/lib/client/toast";

/** `initialSnapshot`: the record as the server page read it for this very navigation (just as current). */
export function EditProcess({ bizId, processId, initialSnapshot = null }: { bizId: number; processId: number; initialSnapshot?: TProcessDetail | null }) {
  const t = useT();
  const detail = useProcessDetail(bizId, processId, { isFreshRequired: true });
  const [snapshot, setSnapshot] = useState<TProcessDetail | null>(initialSnapshot);
  // the form's starting point: the record as it is now (not an older cached copy); later refetches do not move it
  if (!snapshot && detail.data && detail.isFetchedAfterMount) setSnapshot(detail.data);

  if (!snapshot) {
    if (detail.isError) return <ErrorNotice title={t("errorTitle")} message={detail.error.message} retryLabel={t("retry")} onRetry={() => detail.refetch()} />;
    return <SkeletonLines lines={10} label={t("loading")} />;
  }
  return (
    <EditForm
      key={snapshot.revision}
      bizId={bizId}
      processId={processId}
      snapshot={snapshot}
      latestRevision={detail.data?.revision ?? snapshot.revision}
      onLoadLatest={async () => {
        const latest = await detail.refetch();
        if (latest.data) setSnapshot(latest.data);
      }}
    />
  );
}

type TEditFormProps = { bizId: number; processId: number; snapshot: TProcessDetail; latestRevision: number; onLoadLatest: () => Promise<void> };

function EditForm({ bizId, processId, snapshot, latestRevision, onLoadLatest }: TEditFormProps) {
  const t = useT();
  const router = useRouter();
  const { showToast } = useToast();
  const update = useUpdateProcess(bizId, processId);
  const [initialValues] = useState(() => toFormValues(snapshot.record));
  // also warn before saving when a refetch already shows a newer revision (not our own save's)
  const hasConflict = isConsoleApiError(update.error, "EDIT_CONFLICT") || (latestRevision > snapshot.revision && update.isIdle);
  const name = snapshot.record.bk_process_name;

  return (
    <div className="mx-auto max-w-5xl space-y-3">
      <h1 className="text-lg font-semibold">{t("editTitle", { name })}</h1>
      <ProcessForm
        mode="update"
        initialValues={initialValues}
        submitLabel={t("saveChanges")}
        cancelHref={`/biz/${bizId}/processes/${processId}`}
        notice={
          hasConflict && (
            <WarningNotice title={t("conflictTitle")}>
              <p>{t("conflictBody")}</p>
              <Button size="sm" onClick={() => void onLoadLatest()}>
                {t("loadLatest")}
              </Button>
            </WarningNotice>
          )
        }
        onSave={async (changes) => {
          await update.mutateAsync({ expectedRevision: snapshot.revision, changes });
          showToast(t("saved", { name: String(changes.bk_process_name ?? name) }));
          router.push(`/biz/${bizId}/processes/${processId}`);
        }}
      />
    </div>
  );
}

