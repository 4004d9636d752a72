import { useEffect, useState } from "react";
import { ConsolePanel } from "../console/ConsolePanel";
import { EditorPanel } from "../editor/EditorPanel";
import type { WorkErrorReason } from "../permalink/work";
import { bootSession } from "../persist/startup";
import { bridge, mirror } from "../sim/session";
import { useT, useUiStore } from "../state/uiStore";
import { Header } from "./Header";
import { Notices } from "./Notices";
import { ObjectsPanel } from "./ObjectsPanel";
import { Region } from "./Region";
import "./playground.css";

/** The playground's shell: a header, alerts, and the four regions (lessons, editor, view, console). */
export function App() {
  const t = useT();
  const theme = useUiStore((s) => s.theme);
  const language = useUiStore((s) => s.language);
  const [linkError, setLinkError] = useState<WorkErrorReason>();

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
  }, [theme, language]);

  useEffect(() => {
    void bootSession(setLinkError);
  }, []);

  return (
    <div className="app">
      <Header />
      <Notices linkError={linkError} onDismissLink={() => setLinkError(undefined)} />
      <main className="workspace">
        <Region id="lessons" title={t("region.lessons")}>
          <p className="placeholder">{t("lessons.empty")}</p>
        </Region>
        <Region id="editor" title={t("region.editor")}>
          <EditorPanel bridge={bridge} />
        </Region>
        <Region id="view" title={t("region.view")}>
          <ObjectsPanel />
        </Region>
        <Region id="console" title={t("region.console")}>
          <ConsolePanel bridge={bridge} mirror={mirror} />
        </Region>
      </main>
    </div>
  );
}
