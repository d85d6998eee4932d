// The public /agent/… files (lib/operations/agent-distribution.ts). Plain-text refusals: whoever
// reads them is curl or sh on a host, not the console; never a stack trace.
import type { NextRequest } from "next/server";
import { openArtefact, readRequestPublicUrl, readServedManifest, renderInstallScript } from "@/lib/operations/agent-distribution";

const NOT_BUILT = "the agent is not built on this server yet: run `npm run build:agent` (npm start builds it on first start)\n";

export async function serveAgentFile(req: NextRequest, route: { params: Promise<{ file?: string }> }): Promise<Response> {
  try {
    const { file = "" } = await route.params;
    const manifest = readServedManifest();
    if (file === "install.sh") {
      if (!manifest) return plain(503, NOT_BUILT);
      const publicUrl = readRequestPublicUrl(req);
      if (!publicUrl) return plain(400, "the Host header is not a plain host name; set PROCDECK_PUBLIC_URL on the server\n");
      return new Response(renderInstallScript(publicUrl, manifest), { headers: { "content-type": "text/x-shellscript; charset=utf-8", "cache-control": "no-store" } });
    }
    if (file === "manifest.json") {
      if (!manifest) return plain(503, NOT_BUILT);
      return Response.json(manifest, { headers: { "cache-control": "no-cache" } });
    }
    if (!manifest) return plain(manifestNames(file) ? 503 : 404, manifestNames(file) ? NOT_BUILT : "no such agent file\n");
    const opened = openArtefact(manifest, file);
    if (!opened) return plain(404, "no such agent file\n");
    const { artefact, body } = opened;
    return new Response(body, {
      headers: {
        "content-type": artefact.kind === "mjs" ? "text/javascript; charset=utf-8" : "application/octet-stream",
        "content-length": String(artefact.size),
        "content-disposition": `attachment; filename="${artefact.file}"`,
        etag: `"${artefact.sha256}"`,
        "x-procdeck-agent-version": manifest.version,
        "x-procdeck-agent-sha256": artefact.sha256,
        "cache-control": "no-cache",
      },
    });
  } catch (error) {
    console.error("serving an agent file failed:", error instanceof Error ? error.message : error);
    return plain(500, "the server could not read the agent files\n");
  }
}

/** Names an artefact would have: answered "not built" rather than "no such file" before the first build. */
function manifestNames(file: string): boolean {
  return /^procdeck-agent(-[a-z0-9]+-[a-z0-9]+|\.mjs)$/.test(file);
}

function plain(status: number, body: string): Response {
  return new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
