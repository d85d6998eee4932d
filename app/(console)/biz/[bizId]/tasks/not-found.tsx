"use client";
import { PageNotFound } from "@/components/console/page-not-found";

export default function TasksNotFound() {
  return <PageNotFound messageKey="businessNotFound" backHref="/" />;
}
