import { useEffect, useRef, useState } from "react";
import type { Theme } from "../state/uiStore";
import type { ApplyMarker } from "./applyMarkers";
import type { Files } from "./editorStore";
import { afterNextPaint, editorShown } from "./editorFirst";
import { loadMonaco, loadYamlSupport, markEditorPhase } from "./monacoLoader";
import type { Monaco } from "./monacoSetup";

type Editor = ReturnType<Monaco["editor"]["create"]>;
type Model = NonNullable<ReturnType<Editor["getModel"]>>;

/** Markers from the last kubectl run, for one file. */
export interface FileMarkers {
  file: string;
  markers: ApplyMarker[];
}

interface Props {
  files: Files;
  active: string;
  theme: Theme;
  markers?: FileMarkers;
  loadingText: string;
  label: string;
  onChange: (name: string, text: string) => void;
  /** Ctrl/Cmd+Enter. */
  onRun: () => void;
  /** Ctrl/Cmd+S (the browser's own "save page" never applies in the editor). */
  onSave: () => void;
  /** Each increment focuses the editor (kubectl edit opened a file in it). */
  focusRequests: number;
}

const uriOf = (monaco: Monaco, name: string) => monaco.Uri.parse(`file:///${name}`);

/**
 * Monaco in a `data-testid=editor` box: one model per file (so each tab keeps its undo stack),
 * the active one shown, YAML validation from monaco-yaml, and kubectl's errors as markers.
 */
export function MonacoHost(props: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [monaco, setMonaco] = useState<Monaco>();
  const editor = useRef<Editor>(undefined);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    let cancelled = false;
    loadMonaco().then((m) => !cancelled && setMonaco(m), editorShown);
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    if (!monaco || !box.current) return;
    const created = monaco.editor.create(box.current, {
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      scrollBeyondLastLine: false,
      ariaLabel: latest.current.label,
      quickSuggestions: { other: true, comments: false, strings: true },
    });
    created.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => latest.current.onRun());
    created.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => latest.current.onSave());
    const typing = created.onDidChangeModelContent(() => {
      const model = created.getModel();
      if (model) latest.current.onChange(model.uri.path.slice(1), model.getValue());
    });
    editor.current = created;
    markEditorPhase("created");
    // Paint the text first; then the YAML language service, then the rest of the app (editorFirst.ts).
    afterNextPaint(
      () =>
        void loadYamlSupport(monaco)
          .catch(() => undefined)
          .finally(editorShown),
    );
    return () => {
      typing.dispose();
      created.dispose();
      editor.current = undefined;
    };
  }, [monaco]);

  useEffect(() => {
    if (monaco) syncModels(monaco, props.files, editor.current, props.active);
  }, [monaco, props.files, props.active]);

  useEffect(() => {
    if (!monaco || !editor.current) return;
    const model = monaco.editor.getModel(uriOf(monaco, props.active));
    if (model && editor.current.getModel() !== model) editor.current.setModel(model);
  }, [monaco, props.active, props.files]);

  // A file kubectl edit (re)opened starts at its top, where its header and the reasons for a reopen are.
  useEffect(() => {
    const shown = editor.current;
    if (props.focusRequests === 0 || !shown) return;
    shown.setPosition({ lineNumber: 1, column: 1 });
    shown.revealLine(1);
    shown.focus();
  }, [props.focusRequests]);

  useEffect(() => monaco?.editor.setTheme(props.theme === "dark" ? "vs-dark" : "vs"), [monaco, props.theme]);

  useEffect(() => {
    if (!monaco) return;
    for (const model of monaco.editor.getModels()) monaco.editor.setModelMarkers(model, "kubectl", []);
    const target = props.markers && monaco.editor.getModel(uriOf(monaco, props.markers.file));
    if (target && props.markers)
      monaco.editor.setModelMarkers(target, "kubectl", toMarkerData(monaco, target, props.markers.markers));
  }, [monaco, props.markers]);

  return (
    <div className="monaco-box" data-testid="editor" data-ready={monaco ? "true" : "false"} ref={box}>
      {!monaco && <p className="placeholder">{props.loadingText}</p>}
    </div>
  );
}

/**
 * Makes the set of models match the files: new ones created, changed text replaced, the active
 * one shown, gone ones disposed, in that order: disposing the model the editor still shows
 * cancels its pending work (hover, validation) with uncaught "Canceled" errors.
 */
function syncModels(monaco: Monaco, files: Files, editor: Editor | undefined, active: string): void {
  for (const [name, text] of Object.entries(files)) {
    const model = monaco.editor.getModel(uriOf(monaco, name));
    if (!model) monaco.editor.createModel(text, "yaml", uriOf(monaco, name));
    // Only a change from outside (a template, a permalink) differs; typing already matches.
    else if (model.getValue() !== text)
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
  }
  const shown = monaco.editor.getModel(uriOf(monaco, active));
  if (editor && shown && editor.getModel() !== shown) editor.setModel(shown);
  const wanted = new Set(Object.keys(files).map((name) => uriOf(monaco, name).toString()));
  for (const model of monaco.editor.getModels()) {
    if (model.uri.scheme === "file" && !wanted.has(model.uri.toString())) model.dispose();
  }
}

function toMarkerData(monaco: Monaco, model: Model, markers: ApplyMarker[]) {
  return markers.map((m) => {
    const line = Math.min(Math.max(1, m.line), model.getLineCount());
    const endLine = Math.min(Math.max(line, m.endLine), model.getLineCount());
    return {
      severity: monaco.MarkerSeverity.Error,
      message: m.message,
      source: "kubectl",
      startLineNumber: line,
      startColumn: model.getLineFirstNonWhitespaceColumn(line) || 1,
      endLineNumber: endLine,
      endColumn: model.getLineMaxColumn(endLine),
    };
  });
}
