"use client";
import { PageNotFound } from "@/components/console/page-not-found";

export default function UserNotFound() {
  return <PageNotFound messageKey="adminUserNotFound" backHref="/admin/users" backLabelKey="adminBackToUsers" />;
}
