import { beforeAll, describe, expect, it } from "vitest";
import { rememberMessages } from "@/lib/client/i18n/loaded-messages";
import { MESSAGE_AREAS, MESSAGES } from "@/lib/client/i18n/messages";
import { messagesIn, translate } from "@/lib/client/i18n/translate";
import { attributeLabel, columnLabel, formatAttributeValue } from "@/lib/client/processes/format-attribute";
import { ATTRIBUTES_BY_ID } from "@/lib/processes/attribute-metadata";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("UI messages", () => {
  it.each(Object.entries(MESSAGES))("%s has English and Chinese with the same placeholders", (_key, message) => {
    expect(message.en.trim()).not.toBe("");
    expect(message.zh.trim()).not.toBe("");
    expect(placeholders(message.zh)).toEqual(placeholders(message.en));
  });

  it("no key is defined in two areas (a later area would silently replace it)", () => {
    const owners = new Map<string, string[]>();
    for (const [area, messages] of Object.entries(MESSAGE_AREAS)) {
      for (const key of Object.keys(messages)) owners.set(key, [...(owners.get(key) ?? []), area]);
    }
    expect([...owners].filter(([, areas]) => areas.length > 1)).toEqual([]);
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translate("en", "showing", { from: 1, to: 50, total: "1,000" })).toBe("1–50 of 1,000");
    expect(translate("zh", "deleted", { name: "nginx" })).toBe("已删除 nginx");
    expect(translate("en", "deleted")).toBe("Deleted {name}");
  });
});

describe("attribute display", () => {
  // in the browser LangProvider hands over the language in use; here both, as switching would
  beforeAll(() => {
    rememberMessages("en", messagesIn("en"));
    rememberMessages("zh", messagesIn("zh"));
  });

  it("names enum values, booleans and unset values", () => {
    expect(formatAttributeValue("protocol", "2", "en")).toBe("UDP");
    expect(formatAttributeValue("bind_ip", "3", "zh")).toBe("第一内网IP");
    expect(formatAttributeValue("auto_start", false, "zh")).toBe("否");
    expect(formatAttributeValue("port", "", "en")).toBe("—");
    expect(formatAttributeValue("timeout", 30, "en")).toBe("30");
  });

  it("labels start upper case in English and stay as they are in Chinese", () => {
    expect(attributeLabel(ATTRIBUTES_BY_ID.get("bind_ip")!, "en")).toBe("Bind ip");
    expect(attributeLabel(ATTRIBUTES_BY_ID.get("bind_ip")!, "zh")).toBe("绑定IP");
    expect(columnLabel("modules", "zh")).toBe("绑定模块");
  });
});
