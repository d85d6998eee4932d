// The agent on a real fleet, with the real artefacts on loopback: the single executable run from an
// empty folder with no Node on its PATH, the one-line install in --foreground --prefix mode, a
// tampered download refused, an upgrade from an older build, and the systemd unit it would write.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInGlobalAdmin } from "../support/admin-support";
import { daemonSpec, esb, isAlive, readPid, waitFor, waitForGseTask, AGENT_READY } from "../support/agent-harness";
import { sql } from "../support/cmdb-client";
import { BASE_URL, bareEnv, copySea, DIST_DIR, ENROLL_SECRET, ensureOldBuild, OLD_DIST_DIR, OLD_VERSION, pathWithoutNode, runGroup, runToEnd, SEA_FILE, servedManifest, sha256Of, startProxy, type TRunning } from "./install-support";

const manifest = servedManifest();
const running: TRunning[] = [];
const daemons: string[] = [];

afterAll(async () => {
  for (const agent of running) await agent.stop();
  for (const pidPath of daemons) {
    const pid = readPid(pidPath);
    if (pid && isAlive(pid)) process.kill(pid, "SIGKILL");
  }
});

type THostRow = { bk_host_id: number; agent_version: string; agent_platform: string; agent_upgrade_state: string | null; agent_upgrade_message: string };
async function hostRow(ip: string): Promise<THostRow | undefined> {
  const [row] = await sql<THostRow>(`SELECT bk_host_id, agent_version, agent_platform, agent_upgrade_state, agent_upgrade_message FROM host WHERE bk_host_id = (SELECT bk_host_id FROM host WHERE bk_host_innerip = $1 AND bk_cloud_id = 0)`, [ip]);
  return row;
}

/** The daemon started as a managed process on `ip` through the GSE API; resolves with its pid. */
async function startManagedDaemon(ip: string) {
  const daemon = daemonSpec();
  daemons.push(daemon.pidPath);
  const meta = { namespace: "install-test", name: `daemon-${ip}-${Date.now()}` };
  const reply = await esb("gse/operate_proc/", { meta, hosts: [{ ip, bk_cloud_id: 0 }], op_type: 0, spec: daemon.spec });
  const rows = await waitForGseTask((reply.body.data as { task_id: string }).task_id);
  expect(Object.values(rows)[0].error_code, JSON.stringify(rows)).toBe(0);
  const pid = readPid(daemon.pidPath);
  expect(isAlive(pid)).toBe(true);
  return { ...daemon, meta, pid: pid! };
}

/** curl … | sh -s -- <args>, as on a host, with no Node on the PATH. */
function installLine(args: string[], from = BASE_URL): string {
  return `curl -fsSL ${from}/agent/install.sh | sh -s -- ${args.map((arg) => `'${arg}'`).join(" ")}`;
}

describe("what the server hands out", () => {
  it("the manifest, the artefacts with the SHA-256 it names, and the install script rendered for this server: public, plain errors", async () => {
    const reply = await fetch(`${BASE_URL}/agent/manifest.json`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toMatch(/^application\/json/);
    const served = (await reply.json()) as typeof manifest;
    expect(served.version).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
    expect(served.artefacts.map((a) => a.file).sort()).toEqual([SEA_FILE, "procdeck-agent.mjs"].sort());

    const mjs = await fetch(`${BASE_URL}/agent/procdeck-agent.mjs`);
    expect(mjs.headers.get("content-type")).toMatch(/^text\/javascript/);
    const bytes = Buffer.from(await mjs.arrayBuffer());
    const { createHash } = await import("node:crypto");
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(served.artefacts.find((a) => a.kind === "mjs")!.sha256);

    const script = await fetch(`${BASE_URL}/agent/install.sh`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/^text\/x-shellscript/);
    const text = await script.text();
    expect(text).toContain(`SERVER='${BASE_URL}'`);
    expect(text).toContain(served.artefacts.find((a) => a.kind === "sea")!.sha256);

    const missing = await fetch(`${BASE_URL}/agent/..%2Fpackage.json`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await missing.text()).not.toMatch(/\bat .*\.(js|ts):\d+/);
  });
});

describe("the single executable", { timeout: 120_000 }, () => {
  it("from an empty folder with only a Node-less PATH in its environment, enrols, starts a process and reports", async () => {
    expect(spawnSync("sh", ["-c", "command -v node"], { env: bareEnv() }).status, "node must not be reachable on the agent's PATH").not.toBe(0);
    const { dir, bin } = copySea(DIST_DIR);
    const ip = "127.0.0.61";
    const agent = runGroup(bin, ["--server", BASE_URL, "--token", ENROLL_SECRET, "--ip", ip, "--state-dir", path.join(dir, "state"), "--watch-interval-ms", "300"], { cwd: dir, env: bareEnv() });
    running.push(agent);
    await waitFor(() => AGENT_READY.test(agent.output()), 20_000, () => `the agent did not start:\n${agent.output()}`);
    expect(agent.output()).toMatch(/enrolled as host \d+/);
    expect(readFileSync(`/proc/${agent.child.pid}/environ`, "utf8")).toBe(`PATH=${pathWithoutNode()}\0`);

    const daemon = await startManagedDaemon(ip);
    expect(daemon.readLog()).toContain(`started ${daemon.pid}`);
    const row = await hostRow(ip);
    expect(row).toMatchObject({ agent_version: manifest.version, agent_platform: `${process.platform}-${process.arch}` });
  });
});

describe("the one-line install", { timeout: 120_000 }, () => {
  const prefix = mkdtempSync(path.join(os.tmpdir(), "procdeck-prefix-"));
  const ip = "127.0.0.62";
  let installSecs = 0;

  it("in --foreground --prefix mode downloads and checks the artefact, installs it, enrols and runs the agent", async () => {
    const started = Date.now();
    const agent = runGroup("sh", ["-c", installLine(["--token", ENROLL_SECRET, "--foreground", "--prefix", prefix, "--ip", ip])], { cwd: prefix, env: bareEnv() });
    running.push(agent);
    await waitFor(() => agent.output().includes("enrolled with"), 60_000, () => `the install did not enrol:\n${agent.output()}`);
    installSecs = (Date.now() - started) / 1000;
    await waitFor(() => AGENT_READY.test(agent.output()), 20_000, () => `the agent did not start:\n${agent.output()}`);
    const out = agent.output();
    expect(out).toContain("checksum ok");
    expect(out).toContain(`installed ${prefix}/bin/procdeck-agent`);
    expect(sha256Of(path.join(prefix, "bin", "procdeck-agent"))).toBe(manifest.artefacts.find((a) => a.kind === "sea")!.sha256);
    expect(JSON.parse(readFileSync(path.join(prefix, "state", "state.json"), "utf8")).agentToken).toMatch(/^\d+\./);
    expect((await hostRow(ip))?.agent_version).toBe(manifest.version);
    console.log(`[figures] one-line install (--foreground) to "enrolled": ${installSecs.toFixed(1)} s`);
    await agent.stop();
  });

  it("run again without a token it upgrades in place and keeps the enrolment", async () => {
    const token = JSON.parse(readFileSync(path.join(prefix, "state", "state.json"), "utf8")).agentToken;
    const agent = runGroup("sh", ["-c", installLine(["--foreground", "--prefix", prefix, "--ip", ip])], { cwd: prefix, env: bareEnv() });
    running.push(agent);
    await waitFor(() => AGENT_READY.test(agent.output()), 60_000, () => `the second install did not run the agent:\n${agent.output()}`);
    expect(agent.output()).toContain(`upgraded ${prefix}/bin/procdeck-agent`);
    expect(agent.output()).toContain("already enrolled");
    expect(JSON.parse(readFileSync(path.join(prefix, "state", "state.json"), "utf8")).agentToken).toBe(token);
    await agent.stop();
  });

  it("a tampered artefact is refused: checksum mismatch, nothing installed, nothing replaced", async () => {
    const proxy = await startProxy({ tamper: true });
    try {
      const fresh = path.join(mkdtempSync(path.join(os.tmpdir(), "procdeck-prefix-")), "agent");
      const first = await runToEnd("sh", ["-c", installLine(["--token", ENROLL_SECRET, "--foreground", "--prefix", fresh, "--server", proxy.url])], bareEnv());
      expect(first.status).not.toBe(0);
      expect(first.stderr).toMatch(/checksum mismatch for procdeck-agent-[a-z0-9]+-[a-z0-9]+: expected [0-9a-f]{64}, got [0-9a-f]{64}; nothing was installed/);
      expect(existsSync(fresh)).toBe(false);

      const before = sha256Of(path.join(prefix, "bin", "procdeck-agent"));
      const again = await runToEnd("sh", ["-c", installLine(["--foreground", "--prefix", prefix, "--server", proxy.url])], bareEnv());
      expect(again.status).not.toBe(0);
      expect(again.stderr).toContain("checksum mismatch");
      expect(sha256Of(path.join(prefix, "bin", "procdeck-agent"))).toBe(before);
    } finally {
      await proxy.close();
    }
  });

  it("refuses clearly what it cannot do: no token on a new host, systemd without root or systemd, an unknown option", () => {
    const fresh = mkdtempSync(path.join(os.tmpdir(), "procdeck-prefix-"));
    const run = (args: string[]) => spawnSync("sh", ["-c", installLine(args)], { env: bareEnv(), encoding: "utf8", timeout: 60_000 });
    expect(run(["--foreground", "--prefix", fresh]).stderr).toContain("--token is required: this host is not enrolled yet");
    expect(run(["--bogus"]).stderr).toContain("unknown option: --bogus");
    const service = run(["--token", "x", "--prefix", fresh]);
    expect(service.status).not.toBe(0);
    if (process.getuid?.() !== 0) expect(service.stderr).toContain("needs root");
    else if (!existsSync("/run/systemd/system")) expect(service.stderr).toContain("systemd is not running on this host: pass --foreground");
    expect(existsSync(path.join(fresh, "bin"))).toBe(false);
  });

  it("refuses a platform the server has no build for, and a host with neither curl nor wget", async () => {
    const script = path.join(mkdtempSync(path.join(os.tmpdir(), "procdeck-script-")), "install.sh");
    writeFileSync(script, await (await fetch(`${BASE_URL}/agent/install.sh`)).text());
    const fresh = path.join(mkdtempSync(path.join(os.tmpdir(), "procdeck-prefix-")), "agent");

    // a uname that says riscv64, first on a PATH without Node (so the .mjs is no way out either)
    const fakeBin = mkdtempSync(path.join(os.tmpdir(), "procdeck-fake-uname-"));
    writeFileSync(path.join(fakeBin, "uname"), `#!/bin/sh\ncase "$1" in -m) echo riscv64 ;; *) echo Linux ;; esac\n`, { mode: 0o755 });
    const riscv = spawnSync("sh", [script, "--token", "x", "--foreground", "--prefix", fresh], { env: bareEnv({ PATH: `${fakeBin}:${pathWithoutNode()}` }), encoding: "utf8" });
    expect(riscv.status).not.toBe(0);
    expect(riscv.stderr).toContain("unsupported platform linux-riscv64");

    // every command but curl and wget
    const noFetch = mkdtempSync(path.join(os.tmpdir(), "procdeck-no-curl-"));
    for (const name of readdirSync(pathWithoutNode())) if (name !== "curl" && name !== "wget") symlinkSync(path.join(pathWithoutNode(), name), path.join(noFetch, name));
    const bare = spawnSync("sh", [script, "--token", "x", "--foreground", "--prefix", fresh], { env: bareEnv({ PATH: noFetch }), encoding: "utf8" });
    expect(bare.status).not.toBe(0);
    expect(bare.stderr).toContain("neither curl nor wget is installed");
    expect(existsSync(fresh)).toBe(false);
  });
});

describe("the systemd unit", () => {
  const hasAnalyze = spawnSync("sh", ["-c", "command -v systemd-analyze"]).status === 0;

  it.skipIf(!hasAnalyze)("the unit the installer writes passes systemd-analyze verify (skipped where systemd-analyze is missing)", () => {
    const prefix = mkdtempSync(path.join(os.tmpdir(), "procdeck-unit-"));
    const { bin } = copySea(DIST_DIR);
    const unit = execFileSync("sh", ["-c", `${installLine(["--print-unit", "--prefix", path.dirname(path.dirname(bin))])}`], { encoding: "utf8" });
    for (const line of ["Restart=always", "RestartSec=5", "After=network-online.target", "Wants=network-online.target", "User=root", "StateDirectory=procdeck-agent", "KillMode=process", "StandardOutput=journal"]) expect(unit).toContain(line);
    expect(unit).toContain(`ExecStart=${bin} --server ${BASE_URL} --state-dir /var/lib/procdeck-agent`);
    const file = path.join(prefix, "procdeck-agent.service");
    writeFileSync(file, unit);
    const verify = spawnSync("systemd-analyze", ["verify", file], { encoding: "utf8" });
    const complaints = `${verify.stdout}${verify.stderr}`.split("\n").filter((line) => line.includes("procdeck-agent.service"));
    expect({ status: verify.status, complaints }).toEqual({ status: 0, complaints: [] });
    rmSync(prefix, { recursive: true, force: true });
  });
});

describe("upgrades from the console", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    await ensureOldBuild();
  }, 180_000);

  async function startOldAgent(ip: string, server = BASE_URL) {
    const { dir, bin } = copySea(OLD_DIST_DIR);
    const stateDir = path.join(dir, "state");
    const agent = runGroup(bin, ["--server", server, "--token", ENROLL_SECRET, "--ip", ip, "--state-dir", stateDir, "--watch-interval-ms", "300"], { cwd: dir, env: bareEnv() });
    running.push(agent);
    await waitFor(() => AGENT_READY.test(agent.output()), 20_000, () => `the old agent did not start:\n${agent.output()}`);
    await waitFor(async () => (await hostRow(ip))?.agent_version === OLD_VERSION, 10_000, () => "the old agent's version was not recorded");
    return { agent, bin, stateDir };
  }

  it("an older agent replaces itself with the server's build: its managed process keeps running, its state folder is intact", async () => {
    const ip = "127.0.0.63";
    const { agent, bin, stateDir } = await startOldAgent(ip);
    const daemon = await startManagedDaemon(ip);
    const stateBefore = JSON.parse(readFileSync(path.join(stateDir, "state.json"), "utf8"));
    const host = (await hostRow(ip))!;

    const admin = await signedInGlobalAdmin();
    const reply = await admin.call<{ version: string; hostIds: number[] }>("POST", "/api/console/agents/upgrade", { body: { hostIds: [host.bk_host_id] } });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toEqual({ ok: true, data: { version: manifest.version, hostIds: [host.bk_host_id] } });

    await waitFor(async () => (await hostRow(ip))?.agent_upgrade_state === "done", 90_000, () => `not upgraded:\n${agent.output()}`);
    expect((await hostRow(ip))?.agent_version).toBe(manifest.version);
    expect(agent.output()).toContain(`upgrading ${OLD_VERSION} → ${manifest.version}`);
    expect(sha256Of(bin)).toBe(manifest.artefacts.find((a) => a.kind === "sea")!.sha256);
    expect(existsSync(`${bin}.previous`)).toBe(true);
    expect(readPid(daemon.pidPath)).toBe(daemon.pid);
    expect(isAlive(daemon.pid)).toBe(true);
    const stateAfter = JSON.parse(readFileSync(path.join(stateDir, "state.json"), "utf8"));
    expect(stateAfter.agentToken).toBe(stateBefore.agentToken);
    expect(stateAfter.managed.map((entry: { name: string; pid: number }) => [entry.name, entry.pid])).toEqual(stateBefore.managed.map((entry: { name: string; pid: number }) => [entry.name, entry.pid]));

    // the new agent manages it: killed, it comes back
    process.kill(daemon.pid, "SIGKILL");
    await waitFor(() => {
      const pid = readPid(daemon.pidPath);
      return pid !== null && pid !== daemon.pid && isAlive(pid);
    }, 20_000, () => `the upgraded agent did not restart its managed process:\n${agent.output()}`);

    const [audit] = await sql<{ action: string; actor: string }>(`SELECT action, actor FROM audit_entry WHERE object_type = 'agent' AND object_id = $1 AND action = 'upgrade'`, [String(host.bk_host_id)]);
    expect(audit?.actor).toContain(admin.username);
  });

  it("a tampered download fails the upgrade with its reason and leaves the old agent running", async () => {
    const proxy = await startProxy({ tamper: true });
    try {
      const ip = "127.0.0.64";
      const { agent, bin } = await startOldAgent(ip, proxy.url);
      const before = sha256Of(bin);
      const host = (await hostRow(ip))!;
      const admin = await signedInGlobalAdmin();
      const reply = await admin.call("POST", "/api/console/agents/upgrade", { body: { hostIds: [host.bk_host_id] } });
      expect(reply.status, reply.text).toBe(200);
      await waitFor(async () => (await hostRow(ip))?.agent_upgrade_state === "failed", 90_000, () => `not failed:\n${agent.output()}`);
      expect((await hostRow(ip))?.agent_upgrade_message).toMatch(/^checksum mismatch for procdeck-agent-/);
      expect(sha256Of(bin)).toBe(before);
      expect(agent.child.exitCode).toBeNull();
      const daemon = await startManagedDaemon(ip);
      expect(isAlive(daemon.pid)).toBe(true);
      expect((await hostRow(ip))?.agent_version).toBe(OLD_VERSION);
    } finally {
      await proxy.close();
    }
  });

  it("refuses hosts without an enrolled agent, all or none", async () => {
    const [bare] = await sql<{ bk_host_id: number }>(`INSERT INTO host (bk_host_innerip, bk_cloud_id) VALUES ('10.250.0.9', 0) ON CONFLICT (bk_cloud_id, bk_host_innerip) DO UPDATE SET bk_host_name = host.bk_host_name RETURNING bk_host_id`);
    const enrolled = (await hostRow("127.0.0.61"))!;
    const admin = await signedInGlobalAdmin();
    const reply = await admin.call<unknown>("POST", "/api/console/agents/upgrade", { body: { hostIds: [enrolled.bk_host_id, bare.bk_host_id] } });
    expect(reply.status).toBe(409);
    expect(reply.text).toContain("0:10.250.0.9");
    expect((await hostRow("127.0.0.61"))?.agent_upgrade_state).toBeNull();
    const bad = await admin.call("POST", "/api/console/agents/upgrade", { body: { hostIds: [] } });
    expect(bad.status).toBe(400);
  });
});
