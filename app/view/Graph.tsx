import {
  type KeyboardEvent,
  type MouseEvent,
  memo,
  type RefObject,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useT } from "../state/uiStore";
import type { Animator } from "./animator";
import { GRAPH_CSS } from "./graphCss";
import type { Highlight } from "./highlight";
import type { Box, Cell, Layout } from "./layout";
import type { ClusterModel } from "./model";
import { EdgeShape } from "./EdgeShape";
import { CardShape, LaneShape, PodShape, SummaryShape } from "./shapes";
import { useViewStore } from "./viewStore";

/** Above this many drawn cells, nothing fades in or out: a crowd of animations costs frames. */
const CALM_AT = 60;

/** A removed pod still fading out where it was last drawn. */
interface Ghost {
  key: string;
  cell: Cell;
  at: { x: number; y: number };
}

export interface GraphProps {
  model: ClusterModel;
  layout: Layout;
  highlight: Highlight;
  /** The drawn id being pointed at or inspected. */
  focusId?: string;
  animator: Animator;
  duration: number;
  svgRef: RefObject<SVGSVGElement | null>;
  viewportRef: RefObject<SVGGElement | null>;
  onKeyDown: (event: KeyboardEvent<SVGSVGElement>) => void;
}

/**
 * The drawing: lanes, edges, workload and Service cards, pods and group summaries. React
 * renders the elements (keyed by uid, each shape memoised on its object's version); the
 * animator places them. Pointer and keyboard events are handled once at the root and
 * resolved through the elements' data attributes.
 */
export function Graph(props: GraphProps) {
  const { model, layout, highlight, focusId, animator, duration } = props;
  const t = useT();
  const handlers = useRootHandlers();
  useLayoutEffect(() => {
    performance.mark("kubeplay:view-commit");
    animator.update(layout, duration);
  }, [layout, animator, duration]);
  const focusing = highlight.objects.size > 0 || focusId !== undefined;
  const calm = layout.cells.length > CALM_AT;
  return (
    <svg
      ref={props.svgRef}
      className={`kv-graph${focusing ? " focusing" : ""}${calm ? " calm" : ""}`}
      data-testid="cluster-graph"
      role="group"
      aria-label={t("view.graph")}
      tabIndex={0}
      onKeyDown={props.onKeyDown}
      {...handlers}
    >
      <style>{GRAPH_CSS}</style>
      <g ref={props.viewportRef}>
        <Drawing model={model} layout={layout} highlight={highlight} focusId={focusId} animator={animator} />
        <Ghosts layout={layout} animator={animator} duration={calm ? 0 : duration} />
      </g>
    </svg>
  );
}

type DrawingProps = Pick<GraphProps, "model" | "layout" | "highlight" | "focusId" | "animator">;

/** Everything drawn; re-renders only when the layout, the highlight or the focus changes. */
const Drawing = memo(function Drawing({ model, layout, highlight, focusId, animator }: DrawingProps) {
  const t = useT();
  const lit = (id: string) => highlight.objects.has(id);
  const refFor = useMemo(() => animator.node.bind(animator), [animator]);
  const edgeRef = useMemo(() => animator.edge.bind(animator), [animator]);
  return (
    <>
      {layout.lanes.map((lane) => (
        <LaneShape key={lane.id} lane={lane} t={t} />
      ))}
      <g className="edges">
        {layout.edges.map((e) => (
          <EdgeShape
            key={e.id}
            id={e.id}
            edge={e.edge}
            quiet={quiet(e.edge.kind, model, e.edge.from)}
            highlighted={highlight.edges.has(e.id)}
            refFor={edgeRef}
          />
        ))}
      </g>
      {layout.workloads.map((card) => (
        <CardShape
          key={card.view.uid}
          card={card}
          highlighted={lit(card.view.uid)}
          focused={focusId === card.view.uid}
          collapsible={layout.collapsible.has(card.view.uid)}
          collapsed={layout.collapsed.has(card.view.uid)}
          refFor={refFor}
          t={t}
        />
      ))}
      {layout.services.map((card) => (
        <CardShape
          key={card.view.uid}
          card={card}
          highlighted={lit(card.view.uid)}
          focused={focusId === card.view.uid}
          collapsible={false}
          collapsed={false}
          refFor={refFor}
          t={t}
        />
      ))}
      {layout.cells.map((cell) =>
        cell.type === "pod" ? (
          <PodShape
            key={cell.id}
            cell={cell}
            highlighted={lit(cell.id)}
            focused={focusId === cell.id}
            marked={highlight.marked.get(cell.id)}
            refFor={refFor}
          />
        ) : (
          <SummaryShape
            key={cell.id}
            cell={cell}
            ownerName={model.byUid.get(cell.group)?.name ?? ""}
            highlighted={lit(cell.id)}
            refFor={refFor}
            t={t}
          />
        ),
      )}
    </>
  );
});

/** Workload selector edges mostly repeat owner edges, so they show only when lit. */
function quiet(kind: string, model: ClusterModel, from: string): boolean {
  return kind === "selector" && model.byUid.get(from)?.kind !== "Service";
}

function GhostBox({ box, look }: { box: Box; look: string }) {
  return (
    <g className={`pod look-${look}`}>
      <rect className="card-bg" width={box.w} height={box.h} rx={6} />
    </g>
  );
}

/** Pods that left the layout fade out where they were last shown (own state: the drawing does not re-render for them). */
function Ghosts({ layout, animator, duration }: { layout: Layout; animator: Animator; duration: number }) {
  const ghosts = useGhosts(layout, animator, duration);
  return (
    <g className="ghosts" aria-hidden="true">
      {ghosts.map((g) => (
        <g key={g.key} className="ghost" transform={`translate(${g.at.x},${g.at.y})`}>
          <GhostBox box={g.cell.box} look={g.cell.type === "pod" ? g.cell.pod.status.look : "pending"} />
        </g>
      ))}
    </g>
  );
}

/** Pods that left the layout, kept for `duration` ms where they were last shown. */
function useGhosts(layout: Layout, animator: Animator, duration: number): Ghost[] {
  const previous = useRef<Layout | undefined>(undefined);
  const [ghosts, setGhosts] = useState<Ghost[]>([]);
  useLayoutEffect(() => {
    const before = previous.current;
    previous.current = layout;
    if (!before || duration === 0) return;
    const gone: Ghost[] = [];
    for (const cell of before.cells) {
      const at = animator.shownAt(cell.id);
      if (!layout.boxes.has(cell.id) && at) gone.push({ key: `${cell.id}@${performance.now()}`, cell, at });
    }
    if (gone.length === 0) return;
    setGhosts((g) => [...g, ...gone].slice(-60));
    const timer = setTimeout(() => setGhosts((g) => g.filter((x) => !gone.includes(x))), duration + 50);
    return () => clearTimeout(timer);
  }, [layout, animator, duration]);
  return ghosts;
}

/** Delegated pointer handlers: hover focuses objects and chips; a click selects, toggles or expands. */
function useRootHandlers() {
  return useMemo(() => {
    const store = useViewStore.getState;
    const target = (event: { target: EventTarget }) => event.target as Element;
    const onPointerOver = (event: MouseEvent) => {
      const el = target(event);
      const chip = el.closest("[data-label-key]");
      if (chip) {
        const owner = chip.getAttribute("data-label-owner") ?? "";
        if (chip.classList.contains("selector")) store().setHover({ type: "object", uid: owner });
        else
          store().setHover({
            type: "label",
            uid: owner,
            key: chip.getAttribute("data-label-key") ?? "",
            value: chip.getAttribute("data-label-value") ?? "",
          });
        return;
      }
      const object = el.closest("[data-uid]:not(.lane)");
      const uid = object?.getAttribute("data-uid");
      const current = store().hover;
      if (uid && !(current?.type === "object" && current.uid === uid))
        store().setHover({ type: "object", uid });
      if (!uid && current) store().setHover(undefined);
    };
    const onPointerLeave = () => store().setHover(undefined);
    const onClick = (event: MouseEvent) => activate(target(event));
    return {
      onPointerOver,
      onPointerLeave,
      onClick,
      onFocus: (e: { target: EventTarget }) => focusIn(target(e)),
    };
  }, []);
}

function focusIn(el: Element): void {
  const uid = el.getAttribute("data-uid");
  if (uid && !el.classList.contains("lane")) useViewStore.getState().setHover({ type: "object", uid });
}

/** What a click or Enter on an element does: a toggle or summary expands/collapses its group; an object opens the inspector. */
export function activate(el: Element): void {
  const store = useViewStore.getState();
  const toggle = el.closest("[data-toggle]")?.getAttribute("data-toggle");
  if (toggle) return store.toggleGroup(toggle);
  const summary = el.closest("[data-summary]")?.getAttribute("data-summary");
  if (summary) return store.toggleGroup(summary);
  const uid = el.closest("[data-uid]")?.getAttribute("data-uid");
  store.select(uid ?? undefined);
}
