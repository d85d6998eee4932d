import { describe, expect, it } from "vitest";
import { decodeWorkNotice, encodeWorkNotices } from "./work-notifier";

describe("work notices", () => {
  it("names every host once, in payloads under PostgreSQL's 8000-byte NOTIFY limit", () => {
    const ids = Array.from({ length: 5000 }, (_, i) => 1_000_000_000 + i);
    const payloads = encodeWorkNotices(ids);
    expect(payloads.length).toBeGreaterThan(1);
    payloads.forEach((payload) => expect(Buffer.byteLength(payload)).toBeLessThan(8000));
    expect(payloads.flatMap(decodeWorkNotice)).toEqual(ids);
  });

  it("sends nothing for no hosts, one payload for a few", () => {
    expect(encodeWorkNotices([])).toEqual([]);
    expect(encodeWorkNotices([3, 14, 15])).toEqual(["[3,14,15]"]);
  });

  it("reads a single id (older senders) and ignores what is not an id", () => {
    expect(decodeWorkNotice("42")).toEqual([42]);
    expect(decodeWorkNotice("[1,\"x\",2.5,3]")).toEqual([1, 3]);
    expect(decodeWorkNotice("not json")).toEqual([]);
    expect(decodeWorkNotice(undefined)).toEqual([]);
  });
});
