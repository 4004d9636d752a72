import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { type MessageKey, translate } from "../i18n";
import { type EditConsole, startKubectlEdit } from "../editor/kubectlEdit";
import { useWorkStore } from "../persist/workStore";
import type { SimBridge } from "../sim/bridge";
import type { ClusterMirror } from "../sim/mirror";
import { afterEditorShown } from "../editor/editorFirst";
import { useT, useUiStore } from "../state/uiStore";
import { filesNamed } from "./commandRouter";
import type { CompletionSource } from "./completion";
import { onConsoleEntry } from "./consoleBus";
import { openOutputFile } from "./outputFile";
import type { ConsoleTerminal, TerminalDeps } from "./terminal";
import "./console.css";

const TEXT_KEYS = {
  welcome: "console.welcome",
  notFound: "console.notFound",
  onlyKubectl: "console.onlyKubectl",
  didYouMean: "console.didYouMean",
  help: "console.help",
  streamLost: "console.streamLost",
  redirectSession: "console.redirectSession",
} as const;

/** The console's side of `kubectl edit`: output, and kubeplay's notes in the learner's language. */
function editConsole(print: EditConsole["print"], note: EditConsole["note"]): EditConsole {
  const text = (key: MessageKey) => translate(useUiStore.getState().language, key);
  return {
    print,
    note,
    openedNote: (file) => text("console.editing").replace("{file}", file),
    noRoomNote: () => text("editor.problem.tooMany"),
    tooLargeNote: () => text("console.editTooLarge"),
  };
}

/** Names for completion from the UI's mirror of the cluster and the editor's tabs. */
function completionSource(mirror: ClusterMirror, bridge: SimBridge): CompletionSource {
  const objects = () => [...mirror.get().objects.values()];
  return {
    objectNames: (kind, namespace) =>
      objects()
        .filter(
          (o) =>
            o.kind === kind && (o.metadata.namespace === undefined || o.metadata.namespace === namespace),
        )
        .map((o) => o.metadata.name ?? "")
        .sort(),
    namespaces: () =>
      objects()
        .filter((o) => o.kind === "Namespace")
        .map((o) => o.metadata.name ?? "")
        .sort(),
    defaultNamespace: () => bridge.namespace.get(),
    fileNames: () => Object.keys(useWorkStore.getState().files),
  };
}

/**
 * `waiting`: told when a running command starts and stops waiting for the cluster (TerminalDeps.waiting),
 * so the panel can say when the paused clock holds it.
 */
function terminalDeps(
  bridge: SimBridge,
  mirror: ClusterMirror,
  waiting: (active: boolean) => void,
): TerminalDeps {
  return {
    run: ({ kind, line }) => {
      if (kind === "kubeplay") return bridge.request({ type: "kubeplay", line });
      const files = filesNamed(line, useWorkStore.getState().files);
      return bridge.request(files ? { type: "kubectl", line, files } : { type: "kubectl", line });
    },
    follow: (streamId, chunk, lost) => {
      const stopChunks = bridge.onStream((c) => {
        if (c.streamId === streamId) chunk(c);
      });
      const stopStatus = bridge.status.subscribe(() => {
        if (bridge.status.get() === "recovering" || bridge.status.get() === "failed") lost();
      });
      return () => {
        stopChunks();
        stopStatus();
      };
    },
    waiting,
    openOutput: (file, append, cut) => {
      const text = (key: MessageKey) =>
        translate(useUiStore.getState().language, key).replace("{file}", file);
      const opened = openOutputFile(file, append, () => cut(text("console.redirectTooLarge")));
      return typeof opened === "string" ? text(opened) : opened;
    },
    edit: (line, open, print, note) => startKubectlEdit(bridge, line, open, editConsole(print, note)),
    input: (streamId, text) => void bridge.request({ type: "stdin", streamId, text }).catch(() => undefined),
    interrupt: (streamId) => void bridge.request({ type: "interrupt", streamId }).catch(() => undefined),
    history: () => useWorkStore.getState().history,
    addHistory: (line) => useWorkStore.getState().addHistory(line),
    source: completionSource(mirror, bridge),
    text: (key) => translate(useUiStore.getState().language, TEXT_KEYS[key]),
  };
}

/**
 * The console region: an xterm.js terminal (loaded lazily) running kubectl and kubeplay
 * through the simulator, in `data-testid=console`. The editor's commands are echoed here.
 */
export function ConsolePanel({ bridge, mirror }: { bridge: SimBridge; mirror: ClusterMirror }) {
  const t = useT();
  const theme = useUiStore((s) => s.theme);
  const host = useRef<HTMLDivElement>(null);
  const terminal = useRef<ConsoleTerminal>(undefined);
  const [ready, setReady] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const playing = useSyncExternalStore(bridge.clock.subscribe, () => bridge.clock.get().playing);
  const themeRef = useRef(theme);
  themeRef.current = theme;

  useEffect(() => {
    let disposed = false;
    let stopBus: (() => void) | undefined;
    // The editor goes first (see editorFirst.ts): both are large, and the editor is what a learner uses first.
    void afterEditorShown()
      .then(() => import("./terminal"))
      .then(({ ConsoleTerminal }) => {
        if (disposed || !host.current) return;
        const created = new ConsoleTerminal(
          host.current,
          terminalDeps(bridge, mirror, setWaiting),
          themeRef.current,
        );
        terminal.current = created;
        stopBus = onConsoleEntry((entry) => created.print(entry));
        setReady(true);
      });
    return () => {
      disposed = true;
      stopBus?.();
      terminal.current?.dispose();
      terminal.current = undefined;
    };
  }, [bridge, mirror]);

  useEffect(() => terminal.current?.setTheme(theme), [theme]);

  return (
    <div
      className="console-box"
      data-testid="console"
      data-ready={ready ? "true" : "false"}
      aria-label={t("console.label")}
    >
      {!ready && <p className="placeholder">{t("console.loading")}</p>}
      <div className="console-terminal" ref={host} />
      {waiting && !playing && (
        // kubectl waits for the cluster, which moves only with simulated time.
        <p className="console-waiting" role="status">
          {t("console.waitingPaused")}
        </p>
      )}
    </div>
  );
}
