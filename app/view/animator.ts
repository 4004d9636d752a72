import { easeCubicInOut } from "d3-ease";
import { type Timer, timer } from "d3-timer";
import type { Box, DrawnEdge, Layout } from "./layout";

interface Point {
  x: number;
  y: number;
}

interface Tween {
  from: Point;
  to: Point;
}

/**
 * Moves drawn objects from where they are shown to where the new layout puts them, and keeps
 * edges attached while they move. React renders the elements; this owns only their
 * `transform` (objects) and `d` (edges) attributes, through one d3 timer for all of them.
 */
export class Animator {
  private nodes = new Map<string, SVGGElement>();
  private edgePaths = new Map<string, SVGPathElement>();
  private shown = new Map<string, Point>();
  private tweens = new Map<string, Tween>();
  private boxes: ReadonlyMap<string, Box> = new Map();
  private edges: readonly DrawnEdge[] = [];
  private nodeRefs = new Map<string, (el: SVGGElement | null) => void>();
  private edgeRefs = new Map<string, (el: SVGPathElement | null) => void>();
  private loop?: Timer;
  private started = 0;
  private duration = 0;
  /** What was last written to each element, so unchanged ones are not touched (no style or layout work). */
  private painted = new WeakMap<Element, string>();

  /** A ref callback for an object's `<g>`: registers it under its drawn id. */
  node(id: string): (el: SVGGElement | null) => void {
    let ref = this.nodeRefs.get(id);
    if (!ref) {
      ref = (el) => this.attachNode(id, el);
      this.nodeRefs.set(id, ref);
    }
    return ref;
  }

  /** A ref callback for an edge's `<path>`. */
  edge(id: string): (el: SVGPathElement | null) => void {
    let ref = this.edgeRefs.get(id);
    if (!ref) {
      ref = (el) => {
        if (!el) {
          this.edgePaths.delete(id);
          return;
        }
        // A new path is drawn by update(), which runs once React committed it.
        this.edgePaths.set(id, el);
      };
      this.edgeRefs.set(id, ref);
    }
    return ref;
  }

  private attachNode(id: string, el: SVGGElement | null): void {
    if (!el) {
      this.nodes.delete(id);
      return;
    }
    this.nodes.set(id, el);
    this.paintNode(id);
  }

  /** Where an object is drawn right now (mid-move included). */
  shownAt(id: string): Point | undefined {
    return this.shown.get(id);
  }

  /** Starts moving everything to `layout` over `duration` ms (0: jump). Call after React committed it. */
  update(layout: Layout, duration: number): void {
    this.boxes = layout.boxes;
    this.edges = layout.edges;
    this.tweens.clear();
    for (const [id, box] of layout.boxes) {
      const from = this.shown.get(id);
      const to = { x: box.x, y: box.y };
      if (!from || duration === 0) this.shown.set(id, to);
      else if (from.x !== to.x || from.y !== to.y) this.tweens.set(id, { from, to });
    }
    for (const id of [...this.shown.keys()]) {
      if (layout.boxes.has(id)) continue;
      this.shown.delete(id);
      this.nodeRefs.delete(id);
    }
    const edgeIds = new Set(layout.edges.map((e) => e.id));
    for (const id of [...this.edgeRefs.keys()]) if (!edgeIds.has(id)) this.edgeRefs.delete(id);
    this.duration = duration;
    this.started = performance.now();
    this.paintAll();
    if (this.tweens.size > 0 && !this.loop) this.loop = timer(() => this.tick());
  }

  /** Stops the timer (the component unmounted). */
  stop(): void {
    this.loop?.stop();
    this.loop = undefined;
  }

  private tick(): void {
    const t = Math.min(1, (performance.now() - this.started) / Math.max(1, this.duration));
    const k = easeCubicInOut(t);
    for (const [id, { from, to }] of this.tweens) {
      this.shown.set(id, { x: from.x + (to.x - from.x) * k, y: from.y + (to.y - from.y) * k });
      this.paintNode(id);
    }
    const moving = this.tweens;
    for (const edge of this.edges) if (moving.has(edge.from) || moving.has(edge.to)) this.paintEdge(edge);
    if (t >= 1) {
      this.tweens = new Map();
      this.stop();
    }
  }

  private paintAll(): void {
    for (const id of this.nodes.keys()) this.paintNode(id);
    for (const edge of this.edges) this.paintEdge(edge);
  }

  private paintNode(id: string): void {
    const at = this.shown.get(id);
    const el = this.nodes.get(id);
    if (at && el) this.write(el, "transform", `translate(${at.x},${at.y})`);
  }

  private write(el: Element, attribute: string, value: string): void {
    if (this.painted.get(el) === value) return;
    this.painted.set(el, value);
    el.setAttribute(attribute, value);
  }

  private paintEdge(edge: DrawnEdge): void {
    const el = this.edgePaths.get(edge.id);
    const a = this.shown.get(edge.from);
    const b = this.shown.get(edge.to);
    const fromBox = this.boxes.get(edge.from);
    const toBox = this.boxes.get(edge.to);
    if (!el || !a || !b || !fromBox || !toBox) return;
    this.write(el, "d", edgePath({ ...fromBox, ...a }, { ...toBox, ...b }, edge.edge.kind));
  }
}

/**
 * The path of an edge between two boxes: an elbow down the workload tree when the dependent
 * sits under its owner, otherwise a horizontal curve from the side facing the other box
 * (Services sit under the workload tree, left of the lanes, so their curves run rightwards into the pods).
 */
export function edgePath(from: Box, to: Box, kind: "owner" | "selector"): string {
  const offset = kind === "selector" ? 0.68 : 0.5;
  if (to.x >= from.x && to.x < from.x + from.w && to.y > from.y) {
    const x = from.x + 8;
    return `M${x},${from.y + from.h}V${to.y + to.h / 2}H${to.x}`;
  }
  const leftward = to.x + to.w <= from.x;
  const x1 = leftward ? from.x : from.x + from.w;
  const x2 = leftward ? to.x + to.w : to.x;
  const y1 = from.y + from.h * offset;
  const y2 = to.y + to.h * offset;
  const mid = (x1 + x2) / 2;
  return `M${x1},${y1}C${mid},${y1} ${mid},${y2} ${x2},${y2}`;
}
