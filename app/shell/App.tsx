import { lazy, Suspense, useEffect, useState } from "react";
import { ConsolePanel } from "../console/ConsolePanel";
import { afterEditorShown } from "../editor/editorFirst";
import { EditorPanel } from "../editor/EditorPanel";
import { LessonsPanel } from "../lessons/LessonsPanel";
import type { WorkErrorReason } from "../permalink/work";
import { bootSession } from "../persist/startup";
import { bridge, mirror } from "../sim/session";
import { useT, useUiStore } from "../state/uiStore";
import { Header } from "./Header";
import { Notices } from "./Notices";
import { Region } from "./Region";
import "./playground.css";

/** The cluster view (d3, the selector engine) loads after the shell, keeping the first bundle small. */
const ClusterView = lazy(() =>
  afterEditorShown()
    .then(() => import("../view/ClusterView"))
    .then((m) => ({ default: m.ClusterView })),
);

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
          <LessonsPanel />
        </Region>
        <Region id="editor" title={t("region.editor")}>
          <EditorPanel bridge={bridge} />
        </Region>
        <Region id="view" title={t("region.view")}>
          <Suspense fallback={<p className="placeholder">{t("view.empty")}</p>}>
            <ClusterView />
          </Suspense>
        </Region>
        <Region id="console" title={t("region.console")}>
          <ConsolePanel bridge={bridge} mirror={mirror} />
        </Region>
      </main>
    </div>
  );
}
