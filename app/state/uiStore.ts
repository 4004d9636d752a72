import { create } from "zustand";
import { detectLanguage, type Language, type MessageKey, translate } from "../i18n";

export type Theme = "light" | "dark";

/** UI-only state (never cluster truth: that lives in the worker). */
export interface UiState {
  language: Language;
  theme: Theme;
  setLanguage: (language: Language) => void;
  toggleTheme: () => void;
}

function initialTheme(): Theme {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches
    ? "dark"
    : "light";
}

function initialLanguage(): Language {
  if (typeof navigator === "undefined") return "en";
  return detectLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

export const useUiStore = create<UiState>()((set) => ({
  language: initialLanguage(),
  theme: initialTheme(),
  setLanguage: (language) => set({ language }),
  toggleTheme: () => set((s) => ({ theme: s.theme === "light" ? "dark" : "light" })),
}));

/** The translate function bound to the current language. */
export function useT(): (key: MessageKey) => string {
  const language = useUiStore((s) => s.language);
  return (key) => translate(language, key);
}
