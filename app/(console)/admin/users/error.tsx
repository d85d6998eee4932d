"use client";
import { RouteError, type TRouteErrorProps } from "@/components/ui/route-error";

export default function UsersError(props: TRouteErrorProps) {
  return <RouteError {...props} />;
}
