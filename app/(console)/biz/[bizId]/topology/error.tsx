"use client";
import { RouteError, type TRouteErrorProps } from "@/components/ui/route-error";

export default function TopologyError(props: TRouteErrorProps) {
  return <RouteError {...props} />;
}
