"use client";
// The app's credentials: how a script presents them, rotating the secret (shown once; the old one
// stops working at once) and revoking the app for good.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNotice } from "@/components/ui/notice";
import { Section } from "@/components/admin/section";
import { SecretOnce } from "@/components/admin/secret-once";
import type { TAppSummary } from "@/lib/access/apps/app-summary";
import { useRevokeApp, useRotateAppSecret } from "@/lib/client/admin/app-mutations";
import { useT } from "@/lib/client/i18n/lang-context";
import { useToast } from "@/lib/client/toast";

export function AppSecretSection({ app }: { app: TAppSummary }) {
  const t = useT();
  const { showToast } = useToast();
  const rotate = useRotateAppSecret(app.id);
  const revoke = useRevokeApp(app.id);
  const [asked, setAsked] = useState<"rotate" | "revoke" | null>(null);
  const secret = rotate.data?.secret;
  const header = `X-Bkapi-Authorization: {"bk_app_code":"${app.code}","bk_app_secret":"<secret>","bk_username":"<operator>"}`;

  return (
    <Section
      title={t("adminSecretTitle")}
      description={t("adminSecretDescription")}
      actions={
        !app.isRevoked && (
          <>
            <Button
              onClick={() => {
                rotate.reset();
                setAsked("rotate");
              }}
            >
              {t("adminRotateSecret")}
            </Button>
            <Button
              variant="danger"
              onClick={() => {
                revoke.reset();
                setAsked("revoke");
              }}
            >
              {t("adminRevokeApp")}
            </Button>
          </>
        )
      }
    >
      <p className="mb-1 text-xs text-slate-600 dark:text-slate-400">{t("adminSecretUsage")}</p>
      <pre className="overflow-x-auto rounded-md bg-slate-100 p-2 font-mono text-xs text-slate-800 dark:bg-slate-900 dark:text-slate-200">{header}</pre>

      <ConfirmDialog
        isOpen={asked === "rotate" && !secret}
        onClose={() => setAsked(null)}
        title={t("adminRotateTitle", { code: app.code })}
        confirmLabel={t("adminRotateConfirm")}
        pendingLabel={t("adminRotating")}
        isPending={rotate.isPending}
        onConfirm={() => rotate.mutate()}
      >
        <p>{t("adminRotateBody")}</p>
        {rotate.isError && <ErrorNotice title={rotate.error.message} />}
      </ConfirmDialog>
      <Dialog
        isOpen={asked === "rotate" && secret !== undefined}
        onClose={() => setAsked(null)}
        wide
        title={t("adminRotateDone", { code: app.code })}
        closeLabel={t("close")}
        footer={
          <Button variant="primary" onClick={() => setAsked(null)}>
            {t("adminDone")}
          </Button>
        }
      >
        {secret && <SecretOnce label={t("adminAppSecret")} value={secret} warning={t("adminSecretShownOnce")} />}
      </Dialog>
      <ConfirmDialog
        isOpen={asked === "revoke"}
        onClose={() => setAsked(null)}
        title={t("adminRevokeTitle", { code: app.code })}
        confirmLabel={t("adminRevokeConfirm")}
        pendingLabel={t("adminRevoking")}
        isDanger
        isPending={revoke.isPending}
        onConfirm={() =>
          revoke.mutate(undefined, {
            onSuccess: () => {
              setAsked(null);
              showToast(t("adminAppRevoked", { code: app.code }));
            },
          })
        }
      >
        <p>{t("adminRevokeBody")}</p>
        {revoke.isError && <ErrorNotice title={revoke.error.message} />}
      </ConfirmDialog>
    </Section>
  );
}
