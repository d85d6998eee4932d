"use client";
import { RouteError, type TRouteErrorProps } from "@/components/ui/route-error";

export default function ProcessesError(props: TRouteErrorProps) {
  return <RouteError {...props} />;
}
