import { useEffect } from "react";
import { useT, useUiStore } from "../state/uiStore";
import { Header } from "./Header";
import { Region } from "./Region";

/** The playground's shell: a header and the four regions later features fill. */
export function App() {
  const t = useT();
  const theme = useUiStore((s) => s.theme);
  const language = useUiStore((s) => s.language);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
  }, [theme, language]);

  return (
    <div className="app">
      <Header />
      <main className="workspace">
        <Region id="lessons" title={t("region.lessons")}>
          <p className="placeholder">{t("lessons.empty")}</p>
        </Region>
        <Region id="editor" title={t("region.editor")}>
          <p className="placeholder">{t("editor.empty")}</p>
        </Region>
        <Region id="view" title={t("region.view")}>
          <p className="placeholder">{t("view.empty")}</p>
        </Region>
        <Region id="console" title={t("region.console")}>
          <p className="placeholder">{t("console.empty")}</p>
        </Region>
      </main>
    </div>
  );
}
