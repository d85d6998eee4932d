"use client";
// Issuing an enrolment token changes nothing the console has cached: the host list changes only when
// an agent enrols with it (and the list polls).
import { useMutation } from "@tanstack/react-query";
import { consoleFetch } from "@/lib/client/console-fetch";

export function useIssueEnrollmentToken() {
  return useMutation({
    mutationFn: (input: { ip?: string }) => consoleFetch<{ token: string; expiresAt: string }>("/api/console/enrollment-tokens", { method: "POST", body: input }),
  });
}
