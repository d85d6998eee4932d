// What agents (and the server, for rows no agent ran) write on a task row or a managed process, in
// the UI language: each known message shape maps to an i18n string with its values filled in;
// anything else is shown as it came. The shapes are the ones in lib/agent/execute-operation.ts,
// lib/agent/managed-watcher.ts, lib/operations/task-lifecycle.ts and create-task.ts. Browser-safe.
import type { TLang } from "@/lib/core/i18n";
import type { TMessageKey } from "@/lib/client/i18n/messages";
import { translate } from "@/lib/client/i18n/translate";

type TPattern = { shape: RegExp; key: TMessageKey; names: string[]; nested?: string[] };

const COMMAND = "(start_cmd|stop_cmd|restart_cmd|reload_cmd|face_stop_cmd)";

const PATTERNS: TPattern[] = [
  { shape: /^running \(pid (\d+)\)$/, key: "agentMsgRunning", names: ["pid"] },
  { shape: /^already running \(pid (\d+)\)$/, key: "agentMsgAlreadyRunning", names: ["pid"] },
  { shape: /^not running$/, key: "agentMsgNotRunning", names: [] },
  { shape: /^stopped$/, key: "agentMsgStopped", names: [] },
  { shape: /^killed$/, key: "agentMsgKilled", names: [] },
  { shape: /^reloaded$/, key: "agentMsgReloaded", names: [] },
  { shape: /^registered as managed$/, key: "agentMsgManaged", names: [] },
  { shape: /^no longer managed$/, key: "agentMsgUnmanaged", names: [] },
  { shape: /^stop: still running after (\d+) s$/, key: "agentMsgStillRunningAfter", names: ["secs"] },
  { shape: /^restart: the old process did not stop$/, key: "agentMsgOldDidNotStop", names: [] },
  { shape: /^kill: still running$/, key: "agentMsgKillStillRunning", names: [] },
  { shape: /^no (start_cmd|reload_cmd) in the spec$/, key: "agentMsgNoCommand", names: ["command"] },
  { shape: /^not running: nothing to reload$/, key: "agentMsgNothingToReload", names: [] },
  { shape: /^invalid op_type (\S+)$/, key: "agentMsgInvalidOp", names: ["op"] },
  { shape: /^started, but not alive after (\d+) s \(pid file (.*)\)$/, key: "agentMsgNotAlive", names: ["secs", "pidFile"] },
  { shape: new RegExp(`^${COMMAND} exited with (-?\\d+)$`), key: "agentMsgCommandExited", names: ["command", "code"] },
  { shape: new RegExp(`^${COMMAND} exited with (-?\\d+): ([\\s\\S]*)$`), key: "agentMsgCommandExitedOutput", names: ["command", "code", "output"] },
  { shape: new RegExp(`^${COMMAND} timed out$`), key: "agentMsgCommandTimedOut", names: ["command"] },
  { shape: new RegExp(`^${COMMAND} timed out: ([\\s\\S]*)$`), key: "agentMsgCommandTimedOutOutput", names: ["command", "output"] },
  { shape: /^agent error: ([\s\S]*)$/, key: "agentMsgAgentError", names: ["error"] },
  { shape: /^died; restarted \(pid (\d+)\)$/, key: "agentMsgDiedRestarted", names: ["pid"] },
  // the reason after the colon is itself an agent message (the failed start's)
  { shape: /^died; gave up after (\d+) failed restarts: ([\s\S]*)$/, key: "agentMsgDiedGaveUp", names: ["count", "reason"], nested: ["reason"] },
  { shape: /^died; restart (\d+) failed: ([\s\S]*)$/, key: "agentMsgDiedRestartFailed", names: ["count", "reason"], nested: ["reason"] },
  { shape: /^no result within op_timeout \((\d+) s\): the agent stopped or lost its connection$/, key: "agentMsgNoResult", names: ["secs"] },
  { shape: /^the agent of this host was revoked$/, key: "agentMsgRevoked", names: [] },
  { shape: /^no agent has enrolled on this host$/, key: "agentMsgNeverEnrolled", names: [] },
  { shape: /^the agent of this host is offline$/, key: "agentMsgOffline", names: [] },
  { shape: /^host (\S+) is not known to Procdeck$/, key: "agentMsgUnknownHost", names: ["host"] },
  { shape: /^agent (\S+) is not known to Procdeck$/, key: "agentMsgUnknownAgent", names: ["agent"] },
];

/** An agent's message in `lang`; one the console does not know comes back unchanged. */
export function translateAgentMessage(lang: TLang, message: string): string {
  for (const pattern of PATTERNS) {
    const match = pattern.shape.exec(message);
    if (!match) continue;
    const vars: Record<string, string> = {};
    pattern.names.forEach((name, index) => {
      const value = match[index + 1] ?? "";
      vars[name] = pattern.nested?.includes(name) ? translateAgentMessage(lang, value) : value;
    });
    return translate(lang, pattern.key, vars);
  }
  return message;
}
