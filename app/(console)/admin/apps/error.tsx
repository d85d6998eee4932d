"use client";
import { RouteError, type TRouteErrorProps } from "@/components/ui/route-error";

export default function AppsError(props: TRouteErrorProps) {
  return <RouteError {...props} />;
}
