"use client";
import { PageNotFound } from "@/components/console/page-not-found";

export default function TopologyNotFound() {
  return <PageNotFound messageKey="businessNotFound" backHref="/" />;
}
