// The two sides of the coverage check: every case of every cases/*.ts file, and every (route, method)
// the route files under app/api export. A route method needs a case unless it can only answer 405:
// defineCmdbRoute builds all five methods but only those with a handler do anything, and
// defineEsbRoute answers POST (and GET with allowGet, PUT / DELETE with alsoAccept).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { THttpMethod, TRouteCase } from "./route-case";

export const HTTP_METHODS: readonly THttpMethod[] = ["GET", "POST", "PUT", "DELETE", "PATCH"];

const ROOT = path.resolve(import.meta.dirname, "../../..");
const CASES_DIR = path.join(import.meta.dirname, "cases");
const API_DIR = path.join(ROOT, "app", "api");

export type TLoadedCase = TRouteCase & { file: string };

/** Every exported TRouteCase[] of every cases/*.ts file, in file order. */
export async function loadRouteCases(): Promise<TLoadedCase[]> {
  const files = readdirSync(CASES_DIR)
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
    .sort();
  const loaded: TLoadedCase[] = [];
  for (const file of files) {
    const exports = (await import(pathToFileURL(path.join(CASES_DIR, file)).href)) as Record<string, unknown>;
    for (const value of Object.values(exports)) {
      if (Array.isArray(value) && value.every(isRouteCase)) loaded.push(...value.map((routeCase: TRouteCase) => ({ ...routeCase, file })));
    }
  }
  return loaded;
}

function isRouteCase(value: unknown): value is TRouteCase {
  return typeof value === "object" && value !== null && "route" in value && "method" in value && "build" in value;
}

export type TRouteMethod = { route: string; method: THttpMethod };

/** Every (route folder under app/, method) a route.ts under app/api answers with more than a 405. */
export function listRouteMethods(): TRouteMethod[] {
  const files = readdirSync(API_DIR, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => path.join(API_DIR, file))
    .sort();
  return files.flatMap((file) => [...methodsOf(file)].map((method) => ({ route: routeOf(file), method })));
}

/** "/api/console/businesses/[bizId]/processes" for app/api/console/businesses/[bizId]/processes/route.ts */
export function routeOf(file: string): string {
  return `/${path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep).join("/")}`;
}

function methodsOf(file: string, seen = new Set<string>()): Set<THttpMethod> {
  if (seen.has(file)) return new Set();
  seen.add(file);
  const source = stripComments(readFileSync(file, "utf8"));
  const methods = new Set<THttpMethod>();

  // export { GET, POST } from "../other/route"  (aliases of another route)
  for (const match of source.matchAll(/export\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g)) {
    const target = resolveRouteFile(file, match[2]);
    const reexported = exportedNames(match[1]);
    if (!target) continue;
    for (const method of methodsOf(target, seen)) if (reexported.has(method)) methods.add(method);
  }
  // export const { GET, POST, … } = defineXRoute(…)
  for (const match of source.matchAll(/export\s+const\s*\{([^}]*)\}\s*=\s*(\w+)\s*\(/g)) {
    const names = exportedNames(match[1]);
    const builder = match[2];
    const argument = firstObjectArgument(source, (match.index ?? 0) + match[0].length);
    const answered =
      builder === "defineCmdbRoute"
        ? topLevelKeys(argument)
        : builder === "defineEsbRoute"
          ? new Set<string>(["POST", ...(/allowGet\s*:\s*true/.test(source) ? ["GET"] : []), ...[...source.matchAll(/alsoAccept\s*:\s*\[([^\]]*)\]/g)].flatMap((m) => [...m[1].matchAll(/"(PUT|DELETE)"/g)].map((v) => v[1]))])
          : names;
    for (const name of names) if (isMethod(name) && answered.has(name)) methods.add(name);
  }
  // export const GET = …, export async function GET(…)
  for (const match of source.matchAll(/export\s+(?:const|let|var|(?:async\s+)?function)\s+(GET|POST|PUT|DELETE|PATCH)\b/g)) methods.add(match[1] as THttpMethod);
  // export { handler as GET, … }  (no "from")
  for (const match of source.matchAll(/export\s*\{([^}]*)\}(?!\s*from)/g)) {
    for (const name of exportedNames(match[1])) if (isMethod(name)) methods.add(name);
  }
  return methods;
}

function isMethod(name: string): name is THttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(name);
}

/** "a, b as GET, POST" → {a, GET, POST} (the names the module exports) */
function exportedNames(list: string): Set<string> {
  return new Set(
    list
      .split(",")
      .map((part) => part.trim().split(/\s+as\s+/).pop()!.trim())
      .filter(Boolean),
  );
}

function resolveRouteFile(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(ROOT, specifier.slice(2)) : path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, path.join(base, "index.ts")]) if (existsSync(candidate) && candidate.endsWith(".ts")) return candidate;
  return null;
}

/** The text of the `{ … }` that starts the call's first argument ("" when it is not an object literal). */
function firstObjectArgument(source: string, from: number): string {
  const start = source.slice(from).search(/\S/) + from;
  if (source[start] !== "{") return "";
  let depth = 0;
  for (let index = start; index < source.length; index++) {
    if (source[index] === "{") depth++;
    if (source[index] === "}" && --depth === 0) return source.slice(start, index + 1);
  }
  return "";
}

/** Method keys at the object's own level: `GET: …`, `GET(…) {`, `async GET(…)`, or shorthand `GET,`. */
function topLevelKeys(objectText: string): Set<string> {
  const keys = new Set<string>();
  let depth = 0;
  for (let index = 0; index < objectText.length; index++) {
    const char = objectText[index];
    if (char === "{" || char === "(" || char === "[") depth++;
    else if (char === "}" || char === ")" || char === "]") depth--;
    else if (depth === 1) {
      const match = /^(?:async\s+)?(GET|POST|PUT|DELETE|PATCH)\s*[:(,}]/.exec(objectText.slice(index));
      if (match && !/[\w$]/.test(objectText[index - 1] ?? "")) {
        keys.add(match[1]);
        index += match[0].length - 2;
      }
    }
  }
  return keys;
}

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}
