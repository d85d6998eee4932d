"use client";
import { PageNotFound } from "@/components/console/page-not-found";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-3xl p-6">
      <PageNotFound messageKey="pageNotFound" backHref="/" />
    </main>
  );
}
