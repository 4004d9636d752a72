import { useCallback, useEffect, useRef, useState } from "react";
import { useWorkStore } from "../persist/workStore";
import { useT, useUiStore } from "../state/uiStore";
import { templateFor } from "../templates";
import { EditorToolbar } from "./EditorToolbar";
import { EditSessionBar } from "./EditSessionBar";
import { exitEditor, useEditSessions } from "./kubectlEdit";
import { activeFile, editorActions, useActiveTab } from "./editorStore";
import type { FileNameProblem } from "./fileNames";
import {
  type KubectlRequester,
  type ManifestOutcome,
  type ManifestVerb,
  runManifestCommand,
} from "./manifestCommands";
import { loadMonaco } from "./monacoLoader";
import { type FileMarkers, MonacoHost } from "./MonacoHost";
import { TabBar } from "./TabBar";
import "./editor.css";

// Start fetching Monaco as soon as the app's code runs, not after the first render.
if (typeof window !== "undefined") void loadMonaco();

/**
 * The YAML editor region: file tabs, templates, Apply (Ctrl/Cmd+Enter) / Diff / Delete through
 * the simulator, the result as a status line (role=alert on failure) and as markers.
 */
export function EditorPanel({ bridge }: { bridge: KubectlRequester }) {
  const t = useT();
  const theme = useUiStore((s) => s.theme);
  const files = useWorkStore((s) => s.files);
  const remembered = useActiveTab((s) => s.active);
  // Files can be empty for a moment (a fresh session replaces them before ensureFiles refills
  // them): Monaco stays mounted meanwhile, as re-creating the editor costs a few hundred ms.
  const active = activeFile(files, remembered) ?? "";
  const [outcome, setOutcome] = useState<ManifestOutcome & { file: string }>();
  const [markers, setMarkers] = useState<FileMarkers>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<FileNameProblem>();
  const editing = useEditSessions((s) => active in s.sessions);
  const savingEdit = useEditSessions((s) => s.sessions[active] === null);
  const focusRequests = useEditSessions((s) => s.focusRequests);

  // A fresh session (or a link without files) has none: there is always a file to type in.
  useEffect(() => {
    if (Object.keys(files).length === 0) editorActions.ensureFiles();
  }, [files]);

  const run = useCallback(
    async (verb: ManifestVerb) => {
      const name = activeFile(useWorkStore.getState().files, useActiveTab.getState().active);
      if (!name) return;
      // In kubectl edit's file, the run key saves it: applying its header-commented text is not what was asked.
      if (exitEditor(name, "save")) return;
      setBusy(true);
      const result = await runManifestCommand(bridge, verb, name, useWorkStore.getState().files[name] ?? "");
      setBusy(false);
      setOutcome({ ...result, file: name });
      setMarkers({ file: name, markers: result.markers });
    },
    [bridge],
  );
  const runRef = useRef(run);
  runRef.current = run;

  const insertTemplate = (kind: string) => {
    if (!active) return;
    const current = files[active] ?? "";
    const template = templateFor(kind).yaml;
    editorActions.setText(
      active,
      current.trim() === "" ? template : `${current.trimEnd()}\n---\n${template}`,
    );
  };

  return (
    <div className="editor-panel">
      <TabBar
        names={Object.keys(files)}
        active={active}
        t={t}
        onSelect={(name) => useActiveTab.getState().select(name)}
        onNew={() => setProblem(editorActions.open("untitled", ""))}
        onClose={(name) => exitEditor(name, "quit") || editorActions.close(name)}
        onRename={(from, to) =>
          from in useEditSessions.getState().sessions ? "editing" : editorActions.rename(from, to)
        }
        onProblem={setProblem}
      />
      {problem && (
        <p className="editor-problem" role="alert">
          {t(`editor.problem.${problem}`)}
        </p>
      )}
      {editing ? (
        <EditSessionBar t={t} busy={savingEdit} onExit={(exit) => exitEditor(active, exit)} />
      ) : (
        <EditorToolbar t={t} busy={busy} onRun={(verb) => void run(verb)} onTemplate={insertTemplate} />
      )}
      <MonacoHost
        files={files}
        active={active}
        theme={theme}
        markers={markers}
        loadingText={t("editor.loading")}
        label={t("region.editor")}
        onChange={editorActions.setText}
        onRun={() => void runRef.current("apply")}
        onSave={() => exitEditor(active, "save")}
        focusRequests={focusRequests}
      />
      {!editing && <OutcomeLine outcome={outcome} t={t} />}
    </div>
  );
}

function OutcomeLine({
  outcome,
  t,
}: {
  outcome?: ManifestOutcome & { file: string };
  t: ReturnType<typeof useT>;
}) {
  if (!outcome) return <p className="editor-status muted">{t("editor.applyHint")}</p>;
  if (!outcome.ok) {
    const first = outcome.stderr.split("\n").find((l) => l.trim() !== "") ?? "";
    return (
      <p className="editor-status error" role="alert">
        <strong>{t("editor.failed")}</strong> <code>{first}</code>
      </p>
    );
  }
  const summary =
    outcome.verb === "diff"
      ? t(outcome.code === 0 ? "editor.diffSame" : "editor.diffShown")
      : outcome.stdout.trim().split("\n").slice(0, 3).join(" · ");
  return (
    <p className="editor-status ok" role="status">
      {summary}
    </p>
  );
}
