"use client";
// Delete with a confirmation that names the process. While it is bound to modules the server refuses;
// the dialog then explains what to do (unbind first) instead of a bare error code.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorNotice, WarningNotice } from "@/components/ui/notice";
import { isConsoleApiError } from "@/lib/client/console-fetch";
import { useT } from "@/lib/client/i18n/lang-context";
import { useDeleteProcess } from "@/lib/client/processes/mutations";
import { useProcessModules } from "@/lib/client/processes/queries";
import { useToast } from "@/lib/client/toast";

export function DeleteProcessButton({ bizId, processId, name }: { bizId: number; processId: number; name: string }) {
  const t = useT();
  const router = useRouter();
  const { showToast } = useToast();
  const [isOpen, setIsOpen] = useState(false);
  const remove = useDeleteProcess(bizId, processId);
  const modules = useProcessModules(bizId, processId);
  const boundNames = modules.data?.filter((row) => row.is_bind === 1).map((row) => row.bk_module_name) ?? [];
  const isRefusedAsBound = isConsoleApiError(remove.error, "PROCESS_BOUND");

  const close = () => {
    setIsOpen(false);
    remove.reset();
  };

  return (
    <>
      <Button variant="danger" onClick={() => setIsOpen(true)}>
        {t("delete")}
      </Button>
      <ConfirmDialog
        isOpen={isOpen}
        onClose={close}
        title={t("deleteTitle")}
        confirmLabel={t("deleteButton", { name })}
        isPending={remove.isPending}
        isDanger
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              showToast(t("deleted", { name }));
              router.push(`/biz/${bizId}/processes`);
            },
          })
        }
      >
        <p>{t("deleteConfirm", { name })}</p>
        {isRefusedAsBound ? (
          <WarningNotice title={t("deleteBound", { name, modules: boundNames.join(", ") || "…" })}>
            <p className="text-xs">{remove.error?.message}</p>
          </WarningNotice>
        ) : (
          remove.isError && <ErrorNotice title={remove.error.message} />
        )}
      </ConfirmDialog>
    </>
  );
}
