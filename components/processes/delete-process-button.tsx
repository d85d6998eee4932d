"use client";
// Delete with a confirmation that names the process. While it is bound to modules the server refuses;
// the dialog then explains what to do (unbind first) instead of a bare error code.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNotice, WarningNotice } from "@/components/ui/notice";
import { useToast } from "@/components/ui/toaster";
import { isConsoleApiError } from "@/lib/client/console-fetch";
import { useT } from "@/lib/client/i18n/lang-context";
import { useDeleteProcess } from "@/lib/client/processes/mutations";
import { useProcessModules } from "@/lib/client/processes/queries";

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
      <Dialog
        isOpen={isOpen}
        onClose={close}
        title={t("deleteTitle")}
        closeLabel={t("close")}
        footer={
          <>
            <Button onClick={close}>{t("cancel")}</Button>
            <Button
              variant="danger"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(undefined, {
                  onSuccess: () => {
                    showToast(t("deleted", { name }));
                    router.push(`/biz/${bizId}/processes`);
                  },
                })
              }
            >
              {t("deleteButton", { name })}
            </Button>
          </>
        }
      >
        <div className="space-y-3">
          <p>{t("deleteConfirm", { name })}</p>
          {isRefusedAsBound ? (
            <WarningNotice title={t("deleteBound", { name, modules: boundNames.join(", ") || "…" })}>
              <p className="text-xs">{remove.error?.message}</p>
            </WarningNotice>
          ) : (
            remove.isError && <ErrorNotice title={remove.error.message} />
          )}
        </div>
      </Dialog>
    </>
  );
}
