"use client";
import { RouteError, type TRouteErrorProps } from "@/components/ui/route-error";

export default function HostsError(props: TRouteErrorProps) {
  return <RouteError {...props} />;
}
