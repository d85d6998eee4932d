"use client";
import { PageNotFound } from "@/components/console/page-not-found";

export default function HostsNotFound() {
  return <PageNotFound messageKey="businessNotFound" backHref="/" />;
}
