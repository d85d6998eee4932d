import { describe, expect, it } from "vitest";
import type { TManagedState } from "@/lib/protocol/agent-protocol";
import { digestManagedList, isManagedListDue, ManagedListSync, RESEND_AFTER_MS } from "./managed-list-sync";

const SPEC = { procName: "web", setupPath: "/srv/web", pidPath: "/srv/web/web.pid", user: "", startCmd: "./start.sh", stopCmd: "", restartCmd: "", reloadCmd: "", killCmd: "", autoType: 1, startCheckSecs: 5, startRetries: 4, startInterval: 10, opTimeout: 60 };
const state = (patch: Partial<TManagedState> = {}): TManagedState => ({ namespace: "demo", name: "web", spec: SPEC, isManaged: true, isRunning: true, pid: 4242, restartCount: 0, lastEvent: "started", ...patch });

describe("isManagedListDue", () => {
  const digest = digestManagedList([state()]);
  const acknowledged = { digest, seq: 1, at: 1_000 };

  it("sends when nothing was acknowledged yet (the agent just started), and never on an unsettled poll", () => {
    expect(isManagedListDue({ isSettled: true, digest, acknowledged: null, now: 1_000 })).toBe(true);
    expect(isManagedListDue({ isSettled: false, digest, acknowledged: null, now: 1_000 })).toBe(false);
  });

  it("sends a changed list, not an unchanged one, until the resend interval has passed", () => {
    expect(isManagedListDue({ isSettled: true, digest, acknowledged, now: 2_000 })).toBe(false);
    expect(isManagedListDue({ isSettled: true, digest: digestManagedList([state({ pid: 4343 })]), acknowledged, now: 2_000 })).toBe(true);
    expect(isManagedListDue({ isSettled: true, digest, acknowledged, now: 1_000 + RESEND_AFTER_MS })).toBe(true);
  });

  it("digests the states, not the order their keys were written in", () => {
    const reordered = { ...state(), spec: Object.fromEntries(Object.entries(SPEC).reverse()) as typeof SPEC };
    expect(digestManagedList([reordered])).toBe(digest);
    expect(digestManagedList([state({ lastEvent: "stopped" })])).not.toBe(digest);
  });
});

describe("ManagedListSync", () => {
  it("sends the list once, then only when it changed", () => {
    const sync = new ManagedListSync();
    const list = [state()];
    const first = sync.pick(list, true, 0);
    expect(first.managed).toBe(list);
    sync.confirm(first.receipt);
    expect(sync.pick(list, true, 1)).toEqual({ managed: [], receipt: null });
    list[0].pid = 4343;
    expect(sync.pick(list, true, 2).managed).toBe(list);
  });

  it("sends it again after a failed call (the server may have restarted), and a call sent before the failure confirms nothing", () => {
    const sync = new ManagedListSync();
    const list = [state()];
    const inFlight = sync.pick(list, true, 0);
    sync.forget();
    sync.confirm(inFlight.receipt);
    const again = sync.pick(list, true, 1);
    expect(again.managed).toBe(list);
    sync.confirm(again.receipt);
    expect(sync.pick(list, true, 2).managed).toEqual([]);
  });

  it("keeps the newest acknowledgement when an older call answers last", () => {
    const sync = new ManagedListSync();
    const list = [state()];
    const older = sync.pick(list, true, 0);
    list[0].isRunning = false;
    const newer = sync.pick(list, true, 1);
    sync.confirm(newer.receipt);
    sync.confirm(older.receipt);
    expect(sync.pick(list, true, 2).managed).toEqual([]);
  });

  it("carries nothing on a poll while operations run, and remembers nothing for it", () => {
    const sync = new ManagedListSync();
    const busy = sync.pick([state()], false, 0);
    expect(busy).toEqual({ managed: [], receipt: null });
    expect(sync.pick([state()], true, 1).managed).toHaveLength(1);
  });
});
