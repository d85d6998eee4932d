"use client";
import { useParams } from "next/navigation";
import { PageNotFound } from "@/components/console/page-not-found";

export default function ProcessNotFound() {
  const { bizId } = useParams<{ bizId: string }>();
  return <PageNotFound messageKey="processNotFound" backHref={`/biz/${bizId}/processes`} />;
}
