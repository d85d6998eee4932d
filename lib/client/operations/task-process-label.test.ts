import { describe, expect, it } from "vitest";
import { translate, type TVars } from "@/lib/client/i18n/translate";
import type { TMessageKey } from "@/lib/client/i18n/messages";
import { describeTaskProcesses } from "@/lib/client/operations/task-process-label";

const en = (key: TMessageKey, vars?: TVars) => translate("en", key, vars);
const zh = (key: TMessageKey, vars?: TVars) => translate("zh", key, vars);

describe("a task's processes in the history", () => {
  it("names up to three processes, and two of more with how many others", () => {
    expect(describeTaskProcesses(en, { processNames: ["nginx"], processCount: 1 })).toBe("nginx");
    expect(describeTaskProcesses(en, { processNames: ["nginx", "redis", "web"], processCount: 3 })).toBe("nginx, redis, web");
    expect(describeTaskProcesses(en, { processNames: ["nginx", "redis", "web"], processCount: 5 })).toBe("nginx, redis +3");
    expect(describeTaskProcesses(zh, { processNames: ["nginx", "redis", "web"], processCount: 5 })).toBe("nginx, redis 及另外 3 个进程");
  });

  it("answers nothing when the rows name no process", () => {
    expect(describeTaskProcesses(en, { processNames: [], processCount: 0 })).toBeNull();
  });
});
