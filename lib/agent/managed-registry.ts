// The agent's list of the processes it knows and manages, persisted in its state folder so that it
// survives the agent's own restart.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TManagedState, TProcSpec } from "@/lib/protocol/agent-protocol";

type TStoredState = { agentToken?: string; managed: TManagedState[] };

export class AgentStateStore {
  private readonly file: string;
  private state: TStoredState;

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.file = path.join(dir, "state.json");
    this.state = existsSync(this.file) ? (JSON.parse(readFileSync(this.file, "utf8")) as TStoredState) : { managed: [] };
  }

  get agentToken(): string | undefined {
    return this.state.agentToken;
  }

  set agentToken(token: string | undefined) {
    this.state.agentToken = token;
    this.save();
  }

  list(): TManagedState[] {
    return this.state.managed;
  }

  find(namespace: string, name: string): TManagedState | undefined {
    return this.state.managed.find((entry) => entry.namespace === namespace && entry.name === name);
  }

  /** Records what an operation learned; `isManaged` undefined keeps the current flag. */
  upsert(namespace: string, name: string, spec: TProcSpec, change: Partial<Omit<TManagedState, "namespace" | "name" | "spec">>): TManagedState {
    let entry = this.find(namespace, name);
    if (!entry) {
      entry = { namespace, name, spec, isManaged: false, isRunning: false, pid: null, restartCount: 0, lastEvent: "" };
      this.state.managed.push(entry);
    }
    Object.assign(entry, { spec }, stripUndefined(change));
    this.save();
    return entry;
  }

  save() {
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(this.state), { mode: 0o600 });
    renameSync(temp, this.file); // atomic: a crash mid-write never leaves a torn file
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
