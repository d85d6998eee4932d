"use client";
import { useRouter } from "next/navigation";
import { ProcessForm } from "@/components/processes/process-form";
import { useT } from "@/lib/client/i18n/lang-context";
import { toFormValues } from "@/lib/client/processes/form-values";
import { useCreateProcess } from "@/lib/client/processes/mutations";
import { useToast } from "@/lib/client/toast";

const EMPTY = toFormValues();

export function CreateProcess({ bizId }: { bizId: number }) {
  const t = useT();
  const router = useRouter();
  const { showToast } = useToast();
  const create = useCreateProcess(bizId);
  return (
    <div className="mx-auto max-w-5xl space-y-3">
      <h1 className="text-lg font-semibold">{t("createTitle")}</h1>
      <ProcessForm
        mode="create"
        initialValues={EMPTY}
        submitLabel={t("create")}
        cancelHref={`/biz/${bizId}/processes`}
        onSave={async (input) => {
          const { bk_process_id } = await create.mutateAsync(input);
          showToast(t("created", { name: String(input.bk_process_name) }));
          router.push(`/biz/${bizId}/processes/${bk_process_id}`);
        }}
      />
    </div>
  );
}
