"use client";
import { PageNotFound } from "@/components/console/page-not-found";

export default function AppNotFound() {
  return <PageNotFound messageKey="adminAppNotFound" backHref="/admin/apps" backLabelKey="adminBackToApps" />;
}
