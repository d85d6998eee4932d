"use client";
import { useParams } from "next/navigation";
import { PageNotFound } from "@/components/console/page-not-found";

export default function TaskNotFound() {
  const { bizId } = useParams<{ bizId: string }>();
  return <PageNotFound messageKey="taskNotFound" backHref={`/biz/${bizId}/tasks`} backLabelKey="backToTasks" />;
}
