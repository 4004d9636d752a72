import {
  type KeyboardEvent,
  memo,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import type { KubeObject, TraceRecord } from "../../src";
import { activeFile, useActiveTab } from "../editor/editorStore";
import { useWorkStore } from "../persist/workStore";
import { createPortal } from "react-dom";
import { ObjectsPanel } from "../shell/ObjectsPanel";
import { type ClusterMirror, type MirrorState, useMirror } from "../sim/mirror";
import { bridge, mirror } from "../sim/session";
import { useT } from "../state/uiStore";
import { Animator } from "./animator";
import { exportPng, exportSvg } from "./exportImage";
import { activate, Graph } from "./Graph";
import { type Focus, highlightFor } from "./highlight";
import { Inspector, type Moment } from "./Inspector";
import { Layouter } from "./layout";
import { lensOf } from "./lens";
import type { ClusterModel } from "./model";
import { ModelBuilder } from "./modelBuilder";
import { animationMs, useReducedMotion } from "./motion";
import { measureBatch, startRecording, viewHistory } from "./recording";
import { Timeline } from "./Timeline";
import { GraphToolbar } from "./Toolbar";
import { useViewStore } from "./viewStore";
import { useZoom } from "./zoom";
import "./view.css";

startRecording();

/** How long the lens stays on after the learner last typed in the editor. */
const LENS_MS = 6000;

/**
 * The cluster view: a drawing of workloads, pods in their nodes' lanes and Services, with
 * owner and selector edges; an inspector; a timeline to step decisions and travel back in
 * time; and the plain objects table as a second tab.
 */
export function ClusterView() {
  const t = useT();
  const mode = useViewStore((s) => s.mode);
  const setMode = useViewStore((s) => s.setMode);
  const state = useMirror(mirror);
  const drawn = useDeferredValue(state);
  const [toolbarSlot, setToolbarSlot] = useState<HTMLDivElement | null>(null);
  const cursor = useViewStore((s) => s.cursor);
  const traceVersion = useViewStore((s) => s.traceVersion);
  // Live, the mirror's own (live) map; in the past, a map rebuilt from the history.
  const past = useMemo(
    () => (cursor === undefined ? undefined : viewHistory.objectsAt(cursor, traceVersion)),
    [cursor, traceVersion],
  );
  return (
    <div className="kv-view" data-testid="cluster-view" data-live={cursor === undefined ? "true" : "false"}>
      <div className="kv-tabs" role="tablist" aria-label={t("view.mode")}>
        {(["graph", "table"] as const).map((m) => (
          <button key={m} type="button" role="tab" aria-selected={mode === m} onClick={() => setMode(m)}>
            {t(m === "graph" ? "view.tabGraph" : "view.tabTable")}
          </button>
        ))}
        <div className="kv-tools-slot" ref={setToolbarSlot} />
      </div>
      {mode === "table" ? (
        <div className="kv-table">
          <ObjectsPanel />
        </div>
      ) : (
        <GraphStage state={drawn} past={past} toolbarSlot={toolbarSlot} />
      )}
      <Timeline history={viewHistory} traces={state.traces} />
    </div>
  );
}

/** The model builder fed the mirror's changes while live, and whole moments while travelling. */
class ModelSource {
  private readonly builder = new ModelBuilder();
  /** The mirror version the builder last took in; -1 after a moment from the history. */
  private seen = -1;

  live(mirror: ClusterMirror): ClusterModel {
    const state = mirror.get();
    const delta = this.seen < 0 ? undefined : mirror.changesSince(this.seen);
    this.seen = state.version;
    return this.builder.update(state.objects, delta);
  }

  past(objects: ReadonlyMap<string, KubeObject>): ClusterModel {
    this.seen = -1;
    return this.builder.update(objects);
  }
}

function useLensFocus(): Focus | undefined {
  const files = useWorkStore((s) => s.files);
  const active = useActiveTab((s) => s.active);
  const pinned = useViewStore((s) => s.lensPinned);
  const name = activeFile(files, active);
  const text = name ? (files[name] ?? "") : "";
  const [editing, setEditing] = useState(false);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setEditing(true);
    const timer = setTimeout(() => setEditing(false), LENS_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return useMemo(() => {
    if (!editing && !pinned) return undefined;
    const lens = lensOf(text);
    return { type: "lens", ...lens };
  }, [editing, pinned, text]);
}

function traceFocus(
  model: ClusterModel,
  traces: readonly TraceRecord[],
  seq: number | undefined,
): Focus | undefined {
  if (seq === undefined) return undefined;
  const trace = traces.find((r) => r.seq === seq);
  if (!trace) return undefined;
  const { kind, namespace, name } = trace.object;
  for (const view of model.byUid.values()) {
    if (view.kind === kind && view.name === name && view.namespace === namespace)
      return { type: "object", uid: view.uid };
  }
  return undefined;
}

/**
 * The moment shown while travelling back in time, for what the worker is asked about it (an
 * object's Events): the frame's resourceVersion, or the decision's stepped to inside it, and the
 * frame's simulated time (for a decision, the end of its batch: a little late).
 */
function viewedMoment(cursor: number | undefined, traceVersion: number | undefined): Moment {
  if (cursor === undefined) return undefined;
  const resourceVersion = viewHistory.resourceVersionAt(cursor);
  const time = viewHistory.timeAt(cursor);
  if (resourceVersion === undefined || time === undefined) return undefined;
  return { resourceVersion: Math.min(resourceVersion, traceVersion ?? resourceVersion), time };
}

const GraphStage = memo(function GraphStage({
  state,
  past,
  toolbarSlot,
}: {
  state: MirrorState;
  /** The objects of the moment travelled to; undefined: live. */
  past: ReadonlyMap<string, KubeObject> | undefined;
  /** Where the toolbar goes (the tab row), once it exists. */
  toolbarSlot: HTMLElement | null;
}) {
  const t = useT();
  const expanded = useViewStore((s) => s.expanded);
  const hover = useViewStore((s) => s.hover);
  const selected = useViewStore((s) => s.selected);
  const traceSeq = useViewStore((s) => s.traceSeq);
  const cursor = useViewStore((s) => s.cursor);
  const speed = useSyncExternalStore(bridge.clock.subscribe, () => bridge.clock.get().speed);
  const reduced = useReducedMotion();
  const duration = animationMs(cursor === undefined ? speed : 10, reduced);
  const traces = state.traces;
  const traceVersion = useViewStore((s) => s.traceVersion);
  const at = useMemo(() => viewedMoment(cursor, traceVersion), [cursor, traceVersion]);
  const source = useMemo(() => new ModelSource(), []);
  // The same model object comes back when no drawn object changed (say, only trace records
  // arrived), so the layout, the highlight and every memoised shape skip.
  const model = useMemo(
    () => (past ? source.past(past) : source.live(mirror)),
    [source, past, state.version],
  );
  // Lanes whose pods did not change keep what the last layout worked out for them.
  const layouter = useMemo(() => new Layouter(), []);
  const layout = useMemo(() => layouter.layout(model, expanded), [layouter, model, expanded]);
  const lens = useLensFocus();
  const traced = useMemo(
    () => traceFocus(model, traces, traceSeq),
    // Trace records matter only while one is being stepped through.
    [model, traceSeq, traceSeq === undefined ? undefined : traces],
  );
  const chosen = useMemo(
    () => (selected ? { type: "object" as const, uid: selected } : undefined),
    [selected],
  );
  const focus = hover ?? traced ?? chosen ?? lens;
  const highlight = useMemo(() => highlightFor(model, layout, focus), [model, layout, focus]);
  const focusId = focus?.type === "object" ? (layout.drawnAs.get(focus.uid) ?? focus.uid) : undefined;
  const animator = useMemo(() => new Animator(), []);
  useEffect(() => () => animator.stop(), [animator]);
  // Closes the batch measurement once the graph and the inspector committed what it changed.
  useEffect(() => measureBatch());
  const svgRef = useRef<SVGSVGElement>(null);
  const viewportRef = useRef<SVGGElement>(null);
  const zoom = useZoom(svgRef, viewportRef, { width: layout.width, height: layout.height });
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const keys: Record<string, () => void> = {
      "+": () => zoom.zoomBy(1.25),
      "=": () => zoom.zoomBy(1.25),
      "-": () => zoom.zoomBy(0.8),
      "0": zoom.fit,
      ArrowLeft: () => zoom.panBy(40, 0),
      ArrowRight: () => zoom.panBy(-40, 0),
      ArrowUp: () => zoom.panBy(0, 40),
      ArrowDown: () => zoom.panBy(0, -40),
      Escape: () => {
        useViewStore.getState().select(undefined);
        useViewStore.getState().setHover(undefined);
      },
      Enter: () => activate(event.target as Element),
      " ": () => activate(event.target as Element),
    };
    const run = keys[event.key];
    if (!run || (event.target !== svgRef.current && event.key.startsWith("Arrow"))) return;
    event.preventDefault();
    run();
  };
  const doExport = (kind: "svg" | "png") => {
    const svg = svgRef.current;
    if (!svg) return;
    if (kind === "svg") exportSvg(svg, layout.width, layout.height);
    else void exportPng(svg, layout.width, layout.height);
  };
  const empty = model.workloads.length + model.pods.length + model.services.length === 0;
  return (
    <div className="kv-stage" style={{ "--anim-ms": `${duration}ms` } as React.CSSProperties}>
      {toolbarSlot && createPortal(<GraphToolbar zoom={zoom} onExport={doExport} />, toolbarSlot)}
      <div className="kv-canvas">
        {empty && <p className="kv-hint">{t("objects.empty")}</p>}
        <Graph
          model={model}
          layout={layout}
          highlight={highlight}
          focusId={focusId}
          animator={animator}
          duration={duration}
          svgRef={svgRef}
          viewportRef={viewportRef}
          onKeyDown={onKeyDown}
        />
      </div>
      <Inspector model={model} at={at} version={state.version} traces={traces} />
    </div>
  );
});
