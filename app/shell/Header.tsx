import type { Language } from "../i18n";
import { ShareButton } from "../permalink/ShareButton";
import { WorkMenu } from "../persist/WorkMenu";
import { TimeControls } from "../time/TimeControls";
import { useT, useUiStore } from "../state/uiStore";

const languages: { id: Language; label: string }[] = [
  { id: "zh", label: "中文" },
  { id: "en", label: "English" },
];

/** Product name, time controls, share and work actions, language switch and theme toggle. */
export function Header() {
  const t = useT();
  const language = useUiStore((s) => s.language);
  const setLanguage = useUiStore((s) => s.setLanguage);
  const theme = useUiStore((s) => s.theme);
  const toggleTheme = useUiStore((s) => s.toggleTheme);

  return (
    <header className="header">
      <div className="brand">
        <img src="/favicon.svg" alt="" width={24} height={24} />
        <h1>kubeplay</h1>
        <span className="tagline">{t("app.tagline")}</span>
      </div>
      <TimeControls />
      <div className="header-actions">
        <ShareButton />
        <WorkMenu />
        <div className="lang-switch" role="group" aria-label={t("lang.switch")}>
          {languages.map((l) => (
            <button
              key={l.id}
              type="button"
              aria-pressed={language === l.id}
              lang={l.id === "zh" ? "zh-CN" : "en"}
              onClick={() => setLanguage(l.id)}
            >
              {l.label}
            </button>
          ))}
        </div>
        <button type="button" className="theme-toggle" onClick={toggleTheme} aria-label={t("theme.toggle")}>
          {theme === "light" ? t("theme.dark") : t("theme.light")}
        </button>
      </div>
    </header>
  );
}
