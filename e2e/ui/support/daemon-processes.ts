// Catalogue processes that run the real pid-file daemon on loopback "hosts", for browser specs that
// operate them through real agents; and the clean-up every such spec needs: agents stopped first (a
// managed process that dies while its agent runs is started again), every daemon it started killed,
// bindings and processes removed, agent and daemon folders deleted.
import { rmSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { daemonSpec, isAlive, type TAgent } from "../../api/support/agent-harness";
import { createProcessViaApi, deleteProcessViaApi, setBindingViaApi, signIn } from "./console";

type TDaemon = ReturnType<typeof daemonSpec>;

export class DaemonProcesses {
  readonly agents = new Map<string, TAgent>();
  private readonly daemons: TDaemon[] = [];
  private readonly bound: { id: number; module: string }[] = [];

  /** A process running its own daemon, bound to `module`; `attributes` add to or override the defaults. */
  async create(page: Page, options: { name: string; module: string; attributes?: Record<string, unknown> }): Promise<{ id: number; name: string; daemon: TDaemon }> {
    const daemon = daemonSpec();
    this.daemons.push(daemon);
    const { control } = daemon.spec;
    const id = await createProcessViaApi(page, {
      bk_process_name: options.name,
      bk_func_name: "pidfile-daemon",
      work_path: daemon.dir,
      pid_file: daemon.pidPath,
      start_cmd: control.start_cmd,
      stop_cmd: control.stop_cmd,
      reload_cmd: control.reload_cmd,
      face_stop_cmd: control.kill_cmd,
      ...options.attributes,
    });
    this.bound.push({ id, module: options.module });
    await setBindingViaApi(page, id, options.module, true);
    return { id, name: options.name, daemon };
  }

  async cleanUp(browser: Browser, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    await Promise.all([...this.agents.values()].map((agent) => agent.stop(signal)));
    for (const daemon of this.daemons) {
      for (const [, pid] of daemon.readLog().matchAll(/started (\d+)/g)) {
        if (isAlive(Number(pid))) process.kill(Number(pid), "SIGKILL");
      }
    }
    const page = await browser.newPage();
    await signIn(page);
    for (const { id, module } of this.bound) {
      await setBindingViaApi(page, id, module, false);
      await deleteProcessViaApi(page, id);
    }
    await page.close();
    for (const agent of this.agents.values()) rmSync(agent.stateDir, { recursive: true, force: true });
    for (const daemon of this.daemons) rmSync(daemon.dir, { recursive: true, force: true });
  }
}
