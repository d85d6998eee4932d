// GET /agent/{install.sh | manifest.json | procdeck-agent-<platform> | procdeck-agent.mjs}: the agent's
// installer and artefacts, public (nothing secret: the enrolment token is what admits a host).
import { serveAgentFile } from "@/lib/api/agent-files-route";

export const dynamic = "force-dynamic";

export const GET = serveAgentFile;
