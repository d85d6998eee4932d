"use client";
import { PageNotFound } from "@/components/console/page-not-found";

export default function ProcessesNotFound() {
  return <PageNotFound messageKey="businessNotFound" backHref="/" />;
}
