import { type MessageKey, en } from "./en";
import { zh } from "./zh";

export type Language = "en" | "zh";
export type { MessageKey };

const catalogs: Record<Language, Record<MessageKey, string>> = { en, zh };

/** Looks up a UI string in the given language. */
export function translate(language: Language, key: MessageKey): string {
  return catalogs[language][key];
}

/** The learner's preferred language from the browser's list, defaulting to English. */
export function detectLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith("zh")) return "zh";
    if (lower.startsWith("en")) return "en";
  }
  return "en";
}
