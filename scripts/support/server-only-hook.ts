// The HTTP server (scripts/serve.ts) runs some domain code itself, outside Next's bundler: the
// search_process fast path (lib/api/cmdb-fast-path.ts). That code marks itself `import "server-only"`,
// a module Next's bundler resolves to an empty one for server code and which throws everywhere else.
// The server's process cannot take the react-server condition that resolves it so (Next's own
// rendering needs React's ordinary build). The production bundle has it emptied at build time
// (scripts/support/server-bundle.ts); under tsx (`--dev`) this resolve hook maps that one specifier.
import { createRequire, register } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { isRunningBundled } from "./server-programs";

export function resolveServerOnlyAsEmpty(): void {
  // a hook would start Node's loader thread for nothing
  if (isRunningBundled()) return;
  const require = createRequire(import.meta.url);
  const emptyUrl = pathToFileURL(path.join(path.dirname(require.resolve("server-only")), "empty.js")).href;
  const hook = `export async function resolve(specifier, context, next) {
    return specifier === "server-only" ? { url: ${JSON.stringify(emptyUrl)}, shortCircuit: true } : next(specifier, context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}
