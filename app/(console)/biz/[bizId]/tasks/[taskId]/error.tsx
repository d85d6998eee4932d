"use client";
import { RouteError, type TRouteErrorProps } from "@/components/ui/route-error";

export default function TaskError(props: TRouteErrorProps) {
  return <RouteError {...props} />;
}
