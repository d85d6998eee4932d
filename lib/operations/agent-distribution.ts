// The built agent as the server hands it out (GET /agent/…, app/agent/[file]/route.ts): the
// manifest npm run build:agent wrote into dist/agent/, the artefacts it names, and the install
// script rendered with this server's public URL and the artefacts' SHA-256s.
import "server-only";
import { createReadStream, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { readLoginEnv, readPublicUrl } from "@/lib/core/env";
import type { TAgentArtefact, TAgentManifest } from "@/lib/protocol/agent-artifacts";
import { AGENT_DIST_DIR, readServedManifest } from "@/lib/topology/agent-manifest";

const INSTALL_TEMPLATE = path.join(process.cwd(), "lib", "operations", "agent-install", "install.sh");
/** what may be put between single quotes in the script: no quote, no space, no shell syntax */
const PLAIN_URL = /^https?:\/\/[A-Za-z0-9.:[\]-]+(\/[A-Za-z0-9._~/-]*)?$/;

export { readServedManifest };

/** The artefact's bytes as a web stream, or null when the manifest does not name it or it is gone. */
export function openArtefact(manifest: TAgentManifest, file: string): { artefact: TAgentArtefact; body: ReadableStream } | null {
  const artefact = manifest.artefacts.find((entry) => entry.file === file);
  const full = artefact && path.join(AGENT_DIST_DIR, artefact.file);
  if (!artefact || !full || !existsSync(full)) return null;
  return { artefact, body: Readable.toWeb(createReadStream(full)) as ReadableStream };
}

/**
 * The URL hosts reach this server by: PROCDECK_PUBLIC_URL, else the request's own origin (with a
 * trusted proxy, the forwarded scheme and host). Null when that is not a plain URL (a forged Host).
 */
export function readRequestPublicUrl(req: Request): string | null {
  const configured = readPublicUrl();
  if (configured) return configured;
  const url = new URL(req.url);
  const isProxyTrusted = readLoginEnv().PROCDECK_TRUST_PROXY === "1";
  const proto = (isProxyTrusted && req.headers.get("x-forwarded-proto")?.split(",")[0].trim()) || url.protocol.replace(/:$/, "");
  const host = (isProxyTrusted && req.headers.get("x-forwarded-host")?.split(",")[0].trim()) || req.headers.get("host") || url.host;
  const origin = `${proto}://${host}`;
  return PLAIN_URL.test(origin) ? origin : null;
}

export function renderInstallScript(publicUrl: string, manifest: TAgentManifest): string {
  if (!PLAIN_URL.test(publicUrl)) throw new Error(`not a plain URL: ${publicUrl}`);
  const artefacts = manifest.artefacts.map((a) => `${a.file} ${a.kind} ${a.platform} ${a.sha256}`).join("\n");
  return readFileSync(INSTALL_TEMPLATE, "utf8").replaceAll("@SERVER@", publicUrl).replaceAll("@VERSION@", manifest.version).replaceAll("@ARTEFACTS@", artefacts);
}

/** The one line the Hosts page shows for a token. */
export function installCommand(publicUrl: string, token: string, target?: { ip?: string; cloudId?: number }): string {
  const extra = `${target?.ip ? ` --ip ${target.ip}` : ""}${target?.cloudId ? ` --cloud-id ${target.cloudId}` : ""}`;
  return `curl -fsSL ${publicUrl}/agent/install.sh | sh -s -- --token ${token}${extra}`;
}
