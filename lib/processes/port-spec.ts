import { text, type TLocalText } from "@/lib/core/i18n";

const PORT_ITEM = /^(\d{1,5})(?:-(\d{1,5}))?$/;

/** Checks a CMDB port spec: `80`, `8080-8089`, `80,443,8000-8010`. Returns why it is wrong, or null. */
export function explainBadPortSpec(spec: string): TLocalText | null {
  if (spec === "") return null;
  for (const item of spec.split(",")) {
    const match = PORT_ITEM.exec(item);
    if (!match) {
      return text(`'${item}' is not a port or a port range like 8080-8089`, `'${item}' 不是端口或 8080-8089 形式的端口范围`);
    }
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    for (const port of [from, to]) {
      if (port < 1 || port > 65535) return text(`${port} is outside 1-65535`, `${port} 超出 1-65535`);
    }
    if (from > to) return text(`range ${item} runs backwards`, `端口范围 ${item} 起点大于终点`);
  }
  return null;
}
