// The three searches the benchmark sends, each as a fixed list of request bodies over random businesses
// (seeded PRNG: every run, and both the API and the raw-SQL floor, get the same sequence).
import { NAME_SEARCHES } from "./process-catalogue";

export type TSearchRequest = { bizId: number; body: Record<string, unknown> };
export type TScenario = { id: string; title: string; requests: TSearchRequest[] };

const PAGE_FIELDS = ["bk_process_id", "bk_process_name", "bk_func_name", "port", "user", "bind_ip"];

export function buildScenarios(businesses: number, count: number): TScenario[] {
  const random = createRandom(20261125);
  const bizId = () => 1 + Math.floor(random() * businesses);
  const list = (bodyOf: (index: number) => Record<string, unknown>) => Array.from({ length: count }, (_, index) => ({ bizId: bizId(), body: bodyOf(index) }));
  return [
    {
      id: "by-name",
      title: "(a) name substring",
      requests: list(() => ({ condition: { bk_process_name: NAME_SEARCHES[Math.floor(random() * NAME_SEARCHES.length)] } })),
    },
    { id: "by-module", title: "(b) module db", requests: list(() => ({ condition: { bk_module_name: "db" } })) },
    {
      id: "sorted-page",
      title: "(c) sorted page",
      requests: list(() => ({ page: { start: 20, limit: 50, sort: "-bk_process_name" }, fields: PAGE_FIELDS })),
    },
  ];
}

/** mulberry32: tiny, fast, and reproducible across runs */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
