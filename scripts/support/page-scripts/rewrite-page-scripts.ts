// A console page's HTML as Next streams it, with its chunk scripts held back until the page has been
// painted once. Next writes each chunk as `<script src=… async>` in the head, plus a preload hint for
// the largest. Chromium fetches and compiles async scripts on its worker threads as soon as it sees
// them; on a 2-core machine that compilation takes the cores the first frame's style and layout need
// (traced here: 46 ms without the scripts, 150–190 ms with them, the page painted 120–150 ms later).
// So each such tag becomes a one-line inline script that queues its address, and the first of them
// also carries the loader: it inserts the queued chunks (and any queued later) once two animation
// frames have run, at once in a tab that is not visible (no frames run there), and after 1 s at the
// latest. The chunks keep their order and stay async, as Next wrote them; `noModule` polyfills, which
// this browser never fetches, are left as they are.

/** The loader's queue on `self`; the inline scripts push addresses onto it. */
const QUEUE = "__procdeckPageScripts";

// Written once per page, inside the first queued tag's inline script. `nonce` is the tag's own.
const LOADER = [
  `var q=self.${QUEUE}=[],n=document.currentScript.nonce,s=0;`,
  `function a(u){var e=document.createElement("script");e.src=u;e.async=true;if(n)e.nonce=n;document.head.appendChild(e)}`,
  `function g(){if(s)return;s=1;q.forEach(a);q.push=a}`,
  `if(document.visibilityState!=="visible")g();else{requestAnimationFrame(function(){requestAnimationFrame(g)});setTimeout(g,1000)}`,
].join("");

const EMPTY_SCRIPT = /<script\b([^>]*)><\/script>/g;
const LINK = /<link\b([^>]*?)\/?>/g;
const ATTRIBUTE = /\s([a-zA-Z-]+)(?:="([^"]*)")?/g;
const CHUNK_PREFIX = "/_next/static/";

export type TPageScriptRewriter = {
  /** The next piece of HTML in, what can be sent of it out (a tag cut in two waits for its rest). */
  push: (html: string) => string;
  /** Whatever was held back, at the end of the document. */
  end: () => string;
};

export function createPageScriptRewriter(): TPageScriptRewriter {
  let held = "";
  let hasLoader = false;

  const rewrite = (html: string) =>
    html
      .replace(EMPTY_SCRIPT, (tag, attributeText: string) => {
        const attributes = readAttributes(attributeText);
        const src = attributes.get("src");
        if (!src?.startsWith(CHUNK_PREFIX) || !attributes.has("async") || attributes.has("nomodule")) return tag;
        const nonce = attributes.get("nonce");
        const queue = `self.${QUEUE}.push(${JSON.stringify(src)})`;
        const body = hasLoader ? queue : `${LOADER};${queue}`;
        hasLoader = true;
        return `<script${nonce ? ` nonce="${nonce}"` : ""}>${body}</script>`;
      })
      .replace(LINK, (tag, attributeText: string) => {
        const attributes = readAttributes(attributeText);
        const isChunkPreload = attributes.get("rel") === "preload" && attributes.get("as") === "script" && !!attributes.get("href")?.startsWith(CHUNK_PREFIX);
        return isChunkPreload ? "" : tag;
      });

  return {
    push(html) {
      const text = held + html;
      const cut = findUnfinishedTag(text);
      held = text.slice(cut);
      return rewrite(text.slice(0, cut));
    },
    end() {
      const rest = held;
      held = "";
      return rewrite(rest);
    },
  };
}

/** Where a tag that this piece does not finish starts (the text's length when there is none). */
function findUnfinishedTag(text: string): number {
  const lastOpen = text.lastIndexOf("<");
  const cut = lastOpen >= 0 && text.indexOf(">", lastOpen) === -1 ? lastOpen : text.length;
  // an external script's opening tag before the cut, without its `</script>` before it
  const lastScript = text.lastIndexOf("<script", cut - 1);
  if (lastScript < 0 || text.slice(lastScript, cut).includes("</script>")) return cut;
  const openingTag = text.slice(lastScript, text.indexOf(">", lastScript) + 1);
  return /\ssrc=/.test(openingTag) ? lastScript : cut;
}

function readAttributes(attributeText: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name, value] of attributeText.matchAll(ATTRIBUTE)) attributes.set(name.toLowerCase(), value ?? "");
  return attributes;
}
