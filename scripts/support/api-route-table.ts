// Every API route file under app/api and the HTTP methods it exports, read from the sources (so a new
// route is known without a list to keep). The HTTP server uses it to answer a method a route lacks
// with the surface's 405 envelope and an Allow header (Next's own 405 has neither); the fuzz test
// uses it to reach every route.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { TApiRoute } from "@/lib/api/early-reply";

const ROUTE_METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH"] as const;

export function loadApiRouteTable(root = process.cwd()): TApiRoute[] {
  const appDir = path.join(root, "app");
  const apiDir = path.join(appDir, "api");
  return readdirSync(apiDir, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .sort()
    .map((file) => {
      const full = path.join(apiDir, file);
      const pattern = `/${path.relative(appDir, path.dirname(full)).split(path.sep).join("/")}`;
      return { pattern, segments: pattern.split("/").filter(Boolean), methods: exportedMethods(readFileSync(full, "utf8")) };
    });
}

/** Method names a route module exports, in any of the forms the route files use. */
function exportedMethods(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
  const names = new Set<string>();
  for (const match of code.matchAll(/export\s+(?:const|let|var|(?:async\s+)?function)\s+(\w+)/g)) names.add(match[1]);
  for (const match of code.matchAll(/export\s+(?:const\s*)?\{([^}]*)\}/g)) {
    for (const part of match[1].split(",")) names.add(part.trim().split(/\s+as\s+/).pop()!.trim());
  }
  return ROUTE_METHODS.filter((method) => names.has(method));
}
