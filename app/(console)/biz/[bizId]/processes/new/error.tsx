"use client";
import { RouteError, type TRouteErrorProps } from "@/components/ui/route-error";

export default function NewProcessError(props: TRouteErrorProps) {
  return <RouteError {...props} />;
}
