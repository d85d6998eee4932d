// An instance's resource figures as the process page shows them: uptime, CPU percent, memory.
import type { TLang } from "@/lib/core/i18n";

/** 45 s · 12 min · 5 h 3 min · 3 d 4 h (Chinese: 秒 / 分 / 小时 / 天): the two largest units. */
export function formatUptime(lang: TLang, ms: number): string {
  const zh = lang === "zh";
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const [d, h, m] = [Math.floor(seconds / 86_400), Math.floor((seconds % 86_400) / 3600), Math.floor((seconds % 3600) / 60)];
  if (d > 0) return zh ? `${d} 天 ${h} 小时` : `${d} d ${h} h`;
  if (h > 0) return zh ? `${h} 小时 ${m} 分` : `${h} h ${m} min`;
  if (m > 0) return zh ? `${m} 分` : `${m} min`;
  return zh ? `${seconds} 秒` : `${seconds} s`;
}

/** 0.4 % · 12 % · 250 % (several cores). */
export function formatCpu(percent: number): string {
  return `${percent < 10 ? percent.toFixed(1) : Math.round(percent)} %`;
}

/** 512 KB · 12.3 MB · 1.5 GB (powers of 1024, as top shows them). */
export function formatBytes(bytes: number): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 || value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
