import { describe, expect, it } from "vitest";
import { translateAgentMessage } from "@/lib/client/operations/agent-messages";

describe("agent messages in the UI language", () => {
  it("translates the known shapes with their values", () => {
    expect(translateAgentMessage("zh", "running (pid 4242)")).toBe("运行中（pid 4242）");
    expect(translateAgentMessage("zh", "not running")).toBe("未运行");
    expect(translateAgentMessage("zh", "start_cmd exited with 3: boom | bang")).toBe("start_cmd 退出码 3：boom | bang");
    expect(translateAgentMessage("zh", "stop: still running after 10 s")).toBe("停止：10 秒后仍在运行");
    expect(translateAgentMessage("zh", "the agent of this host is offline")).toBe("此主机的 Agent 离线");
    expect(translateAgentMessage("zh", "host 0:10.0.0.9 is not known to Procdeck")).toBe("Procdeck 中没有主机 0:10.0.0.9");
  });

  it("translates the reason inside a crash restart message too", () => {
    expect(translateAgentMessage("zh", "died; restart 2 failed: start_cmd timed out")).toBe("进程退出，第 2 次重启失败：start_cmd 超时");
    expect(translateAgentMessage("zh", "died; restarted (pid 77)")).toBe("进程退出，已重启（pid 77）");
  });

  it("keeps English as the agent wrote it and unknown text unchanged", () => {
    expect(translateAgentMessage("en", "running (pid 4242)")).toBe("running (pid 4242)");
    expect(translateAgentMessage("en", "start_cmd exited with 3: boom")).toBe("start_cmd exited with 3: boom");
    expect(translateAgentMessage("zh", "something new from a later agent")).toBe("something new from a later agent");
  });
});
