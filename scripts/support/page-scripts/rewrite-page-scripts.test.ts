import { describe, expect, it } from "vitest";
import { createPageScriptRewriter } from "./rewrite-page-scripts";

// the head as Next 16 writes it (attribute order varies), then a streamed body and an inline script
const PAGE = [
  `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>`,
  `<link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="N1" data-precedence="next"/>`,
  `<link rel="preload" as="script" fetchPriority="low" nonce="N1" href="/_next/static/chunks/big.js"/>`,
  `<script src="/_next/static/chunks/one.js" async="" nonce="N1"></script>`,
  `<script src="/_next/static/chunks/big.js" nonce="N1" async=""></script>`,
  `<script src="/_next/static/chunks/polyfills.js" noModule="" nonce="N1"></script>`,
  `<link rel="icon" href="/icon.svg" type="image/svg+xml"/></head>`,
  `<body><main><h1>Processes · 进程</h1><p>a &lt; b</p></main>`,
  `<script nonce="N1">(self.__next_f=self.__next_f||[]).push([0])</script>`,
  `<script nonce="N1">for(var i=0;i<2;i++){}</script></body></html>`,
].join("");

function rewriteInPieces(pieces: string[]): string {
  const rewriter = createPageScriptRewriter();
  return pieces.map((piece) => rewriter.push(piece)).join("") + rewriter.end();
}

describe("createPageScriptRewriter", () => {
  const whole = rewriteInPieces([PAGE]);

  it("queues the chunk scripts in order, with the loader once, under the tags' nonce", () => {
    expect(whole).not.toContain(`src="/_next/static/chunks/one.js"`);
    expect(whole).not.toContain(`src="/_next/static/chunks/big.js"`);
    const queued = [...whole.matchAll(/<script nonce="N1">([^<]*)<\/script>/g)].map((match) => match[1]).filter((body) => body.includes("__procdeckPageScripts.push"));
    expect(queued).toHaveLength(2);
    expect(queued[0]).toContain("requestAnimationFrame");
    expect(queued[0]).toMatch(/push\("\/_next\/static\/chunks\/one\.js"\)$/);
    expect(queued[1]).toBe(`self.__procdeckPageScripts.push("/_next/static/chunks/big.js")`);
  });

  it("drops the chunk preload hint and keeps every other tag as it was", () => {
    expect(whole).not.toContain(`rel="preload"`);
    for (const kept of [`<link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="N1" data-precedence="next"/>`, `<script src="/_next/static/chunks/polyfills.js" noModule="" nonce="N1"></script>`, `<link rel="icon" href="/icon.svg" type="image/svg+xml"/>`, `<main><h1>Processes · 进程</h1><p>a &lt; b</p></main>`, `<script nonce="N1">for(var i=0;i<2;i++){}</script></body></html>`]) {
      expect(whole).toContain(kept);
    }
  });

  it("gives the same page whichever byte the stream is cut at", () => {
    for (let cut = 1; cut < PAGE.length; cut++) {
      expect(rewriteInPieces([PAGE.slice(0, cut), PAGE.slice(cut)]), `cut at ${cut}`).toBe(whole);
    }
  });

  it("holds back only a tag the piece does not finish", () => {
    const rewriter = createPageScriptRewriter();
    expect(rewriter.push(`<p>shown</p><script src="/_next/static/chunks/one.js" async=""`)).toBe("<p>shown</p>");
    expect(rewriter.push(`></script>`)).toContain("__procdeckPageScripts.push");
    expect(rewriter.push(`<p>next</p>`)).toBe("<p>next</p>");
    expect(rewriter.end()).toBe("");
  });

  it("leaves a page without chunk scripts untouched", () => {
    const plain = `<html><head><script src="https://example.com/x.js" async=""></script></head><body>hi</body></html>`;
    expect(rewriteInPieces([plain])).toBe(plain);
  });
});
