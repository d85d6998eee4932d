"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { consoleFetch } from "@/lib/client/console-fetch";
import { useT } from "@/lib/client/i18n/lang-context";
import { beginSignOut } from "@/lib/client/sign-out-state";

export function SignOutButton() {
  const t = useT();
  const queryClient = useQueryClient();
  const signOut = useMutation({
    mutationFn: async () => {
      beginSignOut();
      await queryClient.cancelQueries();
      return consoleFetch<null>("/api/console/session", { method: "DELETE" });
    },
    onSettled: () => {
      queryClient.clear();
      window.location.assign("/sign-in");
    },
  });
  return (
    <Button size="sm" variant="ghost" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
      {t("signOut")}
    </Button>
  );
}
