"use client";
import { RouteError, type TRouteErrorProps } from "@/components/ui/route-error";

export default function AccountError(props: TRouteErrorProps) {
  return <RouteError {...props} />;
}
