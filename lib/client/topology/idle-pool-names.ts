// The idle pool's names in the UI language. They are stored as BlueKing names them (空闲机池 / 空闲机 /
// 故障机), which APIs and imports keep using; only what people read changes. The set name is unique
// per business, so "空闲机池" (or "空闲机池 / …") is always the pool; a module name alone is
// translated only when it is known to be the pool's. Browser-safe.
import type { TLang } from "@/lib/core/i18n";
import { translate } from "@/lib/client/i18n/translate";

const POOL_SET = "空闲机池";
const POOL_MODULES: Record<string, "idlePoolIdle" | "idlePoolFault"> = { 空闲机: "idlePoolIdle", 故障机: "idlePoolFault" };

export function showSetName(lang: TLang, name: string): string {
  return name === POOL_SET ? translate(lang, "idlePoolSet") : name;
}

/** `isPoolModule`: the module is one of the pool's (its set is the pool, or its default flag says so). */
export function showModuleName(lang: TLang, name: string, isPoolModule: boolean): string {
  const key = isPoolModule ? POOL_MODULES[name] : undefined;
  return key ? translate(lang, key) : name;
}

/** A "set / module" label as the hosts page and the process instances show it. */
export function showPlacement(lang: TLang, setName: string, moduleName: string): string {
  return `${showSetName(lang, setName)} / ${showModuleName(lang, moduleName, setName === POOL_SET)}`;
}

/** The same for a label already joined as "set / module". */
export function showPlacementLabel(lang: TLang, label: string): string {
  const at = label.indexOf(" / ");
  return at === -1 ? showSetName(lang, label) : showPlacement(lang, label.slice(0, at), label.slice(at + 3));
}

/** A host's modules as one line: "Idle pool / Idle hosts, set-a / web". */
export function showPlacementLabels(lang: TLang, labels: readonly string[]): string {
  return labels.map((label) => showPlacementLabel(lang, label)).join(", ");
}
