"use client";
import { RouteError, type TRouteErrorProps } from "@/components/ui/route-error";

export default function BusinessesError(props: TRouteErrorProps) {
  return <RouteError {...props} />;
}
