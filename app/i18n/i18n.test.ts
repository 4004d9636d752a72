import { describe, expect, it } from "vitest";
import { detectLanguage, translate } from ".";
import { en } from "./en";
import { zh } from "./zh";

describe("UI strings", () => {
  it("have a non-empty Chinese translation for every English string", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zh[key], key).toBeTruthy();
      expect(zh[key], key).not.toBe(en[key]);
    }
  });

  it("pick Chinese for zh-CN and zh-TW browsers and English otherwise", () => {
    expect(detectLanguage(["zh-CN", "en"])).toBe("zh");
    expect(detectLanguage(["zh-TW"])).toBe("zh");
    expect(detectLanguage(["fr-FR", "en-GB"])).toBe("en");
    expect(detectLanguage([])).toBe("en");
    expect(translate("zh", "region.console")).toBe("控制台");
  });
});
