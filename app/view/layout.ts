import {
  byName,
  type ClusterModel,
  type EdgeView,
  type NodeView,
  type PodView,
  type ViewObject,
} from "./model";
import { drawnEdges } from "./drawnEdges";
import { POD_LOOKS, type PodLook } from "./podState";

/** A rectangle in the drawing's own units (before zoom). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A horizontal band holding the pods bound to one node, or the pods no node has taken yet. */
export interface Lane {
  id: string;
  node?: NodeView;
  box: Box;
}

/** A pod drawn on its own. */
export interface PodCell {
  type: "pod";
  id: string;
  pod: PodView;
  lane: string;
  box: Box;
}

/** The pods of one collapsed group in one lane, counted by look. */
export interface SummaryCell {
  type: "summary";
  id: string;
  group: string;
  lane: string;
  total: number;
  counts: Readonly<Partial<Record<PodLook, number>>>;
  /** The uids summarised, for highlighting. */
  pods: readonly string[];
  box: Box;
}

export type Cell = PodCell | SummaryCell;

/** A workload or Service card; `depth` indents dependents under their owner. */
export interface Card {
  view: ViewObject;
  depth: number;
  box: Box;
}

/** An edge between two drawn boxes (a pod in a collapsed group is drawn by its summary). */
export interface DrawnEdge {
  id: string;
  edge: EdgeView;
  from: string;
  to: string;
}

/** Where everything goes. */
export interface Layout {
  width: number;
  height: number;
  workloads: Card[];
  services: Card[];
  lanes: Lane[];
  cells: Cell[];
  edges: DrawnEdge[];
  /** Boxes by drawn id (object uid, lane id or summary id). */
  boxes: ReadonlyMap<string, Box>;
  /** The drawn id standing for each pod uid (itself, or its group's summary in its lane). */
  drawnAs: ReadonlyMap<string, string>;
  /** Groups that collapse unless expanded (their cards show a toggle). */
  collapsible: ReadonlySet<string>;
  /** Groups currently collapsed. */
  collapsed: ReadonlySet<string>;
}

/** Groups (pods under one controller) larger than this start collapsed. */
export const COLLAPSE_AT = 24;

/** Above this many pods in all, every group larger than CROWDED_GROUP starts collapsed too. */
export const CROWDED_AT = 40;
export const CROWDED_GROUP = 4;

/** Sizes chosen so a 3-node cluster fits the ~530×290 px view region of a 1280×800 screen near 1:1. */
export const SIZES = {
  cardW: 144,
  cardH: 42,
  indent: 12,
  podW: 114,
  podH: 42,
  gap: 6,
  /** Pod columns per lane: as many as the fullest lane needs, within these bounds. */
  minLaneCols: 2,
  maxLaneCols: 3,
  laneHeader: 17,
  lanePad: 6,
  column: 26,
  serviceW: 144,
} as const;

export const PENDING_LANE = "lane:pending";

const KIND_RANK: Record<string, number> = { Deployment: 0, CronJob: 1, ReplicaSet: 2, Job: 3 };

/**
 * Lays the model out: the workload tree on the left (owners above their dependents, so
 * ownership reads top to bottom and then left to right into the pods) with the Services
 * under it, and node lanes on the right (the Pending lane first). Groups larger than COLLAPSE_AT
 * that are not in `expanded` collapse into one summary cell per lane. Pure: lays out from
 * scratch (a `Layouter` gives the same result, reusing what an earlier layout worked out).
 */
export function layoutModel(model: ClusterModel, expanded: ReadonlySet<string> = new Set()): Layout {
  return new Layouter().layout(model, expanded);
}

/** What one lane's pods came to last time, reused while its pods (and the collapsed groups) stay the same. */
interface LaneMemo {
  /** The lane's pods, in model order. */
  pods: readonly PodView[];
  /** Pods per group (uncontrolled pods left out). */
  sizes: ReadonlyMap<string, number>;
  /** What `items` and `drawn` were worked out for. */
  collapsed?: ReadonlySet<string>;
  items: readonly LaneItem[];
  /** Pod uids and the drawn id standing for each, side by side. */
  drawnUids: readonly string[];
  drawnIds: readonly string[];
  /** The lane and its cells, and where they were placed. */
  lane?: Lane;
  cells?: readonly Cell[];
  placed?: { x: number; y: number; cols: number; width: number; h: number };
}

/**
 * Lays models out one after another (as `layoutModel` does), reusing per lane what an earlier
 * layout worked out: a lane whose pods are the same objects as last time (the model builder
 * keeps unchanged views) keeps its items, summaries and (where it did not move) its cells, so
 * a batch costs one pass sorting pods into lanes plus the lanes it changed. The collapsible
 * and collapsed sets stay the same objects while their contents do.
 */
export class Layouter {
  private lanes = new Map<string, LaneMemo>();
  private collapsible = new Set<string>();
  private collapsed = new Set<string>();
  private expanded?: ReadonlySet<string>;
  private drawnAs?: Map<string, string>;
  /** The pods last laid out, each one's lane (an index into the lanes then, named by `laneKey`). */
  private pods: readonly PodView[] = [];
  private podLanes = new Int32Array(0);
  private laneKey = "";

  layout(model: ClusterModel, expanded: ReadonlySet<string> = new Set()): Layout {
    const boxes = new Map<string, Box>();
    const workloads = workloadCards(model);
    for (const card of workloads) boxes.set(card.view.uid, card.box);
    const laneX = SIZES.cardW + SIZES.column;
    const { lanes, cells, drawnAs, bottom, width, collapsible, collapsed } = this.laneCells(
      model,
      laneX,
      expanded,
    );
    for (const lane of lanes) boxes.set(lane.id, lane.box);
    for (const cell of cells) boxes.set(cell.id, cell.box);
    // Services stack under the workload tree rather than in a column of their own: the view
    // region is small, and a narrower drawing is a larger one once fitted.
    const lastCard = (cards: Card[]) => (cards.length ? cards[cards.length - 1].box.y + SIZES.cardH : 0);
    const serviceY = workloads.length ? lastCard(workloads) + SIZES.gap * 3 : 0;
    const services = model.services.map((view, i) => ({
      view,
      depth: 0,
      box: { x: 0, y: serviceY + i * (SIZES.cardH + SIZES.gap), w: SIZES.serviceW, h: SIZES.cardH },
    }));
    for (const card of services) boxes.set(card.view.uid, card.box);
    return {
      width: laneX + width,
      height: Math.max(bottom, lastCard(workloads), lastCard(services)),
      workloads,
      services,
      lanes,
      cells,
      edges: drawnEdges(model.edges, drawnAs, boxes),
      boxes,
      drawnAs,
      collapsible,
      collapsed,
    };
  }

  private laneCells(model: ClusterModel, x: number, expanded: ReadonlySet<string>) {
    const laneIds = new Map(model.nodes.map((n) => [n.name, `lane:${n.name}`]));
    const laneOrder = [PENDING_LANE, ...laneIds.values()];
    // The one pass over every pod: into its lane. Both pod lists are in name order, so walking
    // the last one alongside finds each unchanged pod, whose lane (while the lanes are the same)
    // is the one it had; only the others are looked up.
    const lists = laneOrder.map((): PodView[] => []);
    const laneKey = laneOrder.join("\n");
    const last = laneKey === this.laneKey ? this.pods : [];
    const lastLanes = this.podLanes;
    const podLanes = new Int32Array(model.pods.length);
    let laneIndex: Map<string, number> | undefined;
    for (let i = 0, j = 0; j < model.pods.length; j++) {
      const pod = model.pods[j];
      while (i < last.length && last[i] !== pod && byName(last[i], pod) < 0) i++;
      let lane: number;
      if (i < last.length && last[i] === pod) lane = lastLanes[i++];
      else {
        laneIndex ??= new Map(laneOrder.map((id, at) => [id, at]));
        lane = laneIndex.get((pod.nodeName && laneIds.get(pod.nodeName)) || PENDING_LANE) as number;
      }
      lists[lane].push(pod);
      podLanes[j] = lane;
    }
    this.laneKey = laneKey;
    this.pods = model.pods;
    this.podLanes = podLanes;
    const podsByLane = new Map(laneOrder.map((id, at) => [id, lists[at]]));
    const memos = new Map<string, LaneMemo>();
    for (const [id, pods] of podsByLane) {
      const last = this.lanes.get(id);
      memos.set(id, last && samePods(last.pods, pods) ? last : freshLane(pods));
    }
    this.lanes = memos;
    const before = this.collapsible;
    const collapsible = this.collapsibleOf(memos.values(), model.pods.length);
    if (collapsible !== before || expanded !== this.expanded) {
      const collapsed = collapsedGroups(collapsible, expanded);
      this.collapsed = sameSet(collapsed, this.collapsed) ? this.collapsed : collapsed;
      this.expanded = expanded;
    }
    const collapsed = this.collapsed;
    const groupName = (group: string) => model.byUid.get(group)?.name ?? "";
    let redrawn = !this.drawnAs;
    for (const [id, memo] of memos) {
      if (memo.collapsed === collapsed) continue;
      sortLane(id, memo, collapsed, groupName);
      redrawn = true;
    }
    if (redrawn || !this.drawnAs) {
      const drawnAs = new Map<string, string>();
      for (const memo of memos.values())
        for (let i = 0; i < memo.drawnUids.length; i++) drawnAs.set(memo.drawnUids[i], memo.drawnIds[i]);
      this.drawnAs = drawnAs;
    }
    const nodesByLane = new Map(model.nodes.map((n) => [laneIds.get(n.name) as string, n]));
    let fullest = 0;
    for (const memo of memos.values()) fullest = Math.max(fullest, memo.items.length);
    const cols = Math.min(SIZES.maxLaneCols, Math.max(SIZES.minLaneCols, fullest));
    const width = laneWidth(cols);
    const lanes: Lane[] = [];
    const cells: Cell[] = [];
    let y = 0;
    for (const id of laneOrder) {
      const memo = memos.get(id) as LaneMemo;
      const list = memo.items;
      const rows = Math.ceil(list.length / cols);
      // An empty Pending lane stays a thin strip: it only needs to show where pods wait.
      const minRows = id === PENDING_LANE ? 0 : 1;
      const h =
        SIZES.laneHeader +
        Math.max(minRows, rows) * (SIZES.podH + SIZES.gap) -
        (rows || minRows ? SIZES.gap : 0) +
        SIZES.lanePad;
      const node = nodesByLane.get(id);
      const at = memo.placed;
      if (!at || at.x !== x || at.y !== y || at.cols !== cols || at.width !== width || at.h !== h) {
        memo.cells = list.map((item, i) => cellAt(item, id, x, y, i, cols));
        memo.placed = { x, y, cols, width, h };
        memo.lane = undefined;
      }
      if (!memo.lane || memo.lane.node !== node) memo.lane = { id, node, box: { x, y, w: width, h } };
      lanes.push(memo.lane);
      for (const cell of memo.cells ?? []) cells.push(cell);
      y += h + SIZES.gap;
    }
    return {
      lanes,
      cells,
      drawnAs: this.drawnAs,
      bottom: y - SIZES.gap,
      width,
      collapsible,
      collapsed,
    };
  }

  /** The collapsible groups, from each lane's group sizes: the previous set while its contents stay the same. */
  private collapsibleOf(lanes: Iterable<LaneMemo>, pods: number): Set<string> {
    const sizes = new Map<string, number>();
    for (const memo of lanes)
      for (const [group, size] of memo.sizes) sizes.set(group, (sizes.get(group) ?? 0) + size);
    const groups = groupsOver(sizes, pods);
    if (!sameSet(groups, this.collapsible)) this.collapsible = groups;
    return this.collapsible;
  }
}

function samePods(a: readonly PodView[], b: readonly PodView[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function freshLane(pods: readonly PodView[]): LaneMemo {
  const sizes = new Map<string, number>();
  for (const pod of pods) if (pod.group) sizes.set(pod.group, (sizes.get(pod.group) ?? 0) + 1);
  return { pods, sizes, items: [], drawnUids: [], drawnIds: [] };
}

/** The width of a node lane holding `cols` columns of pods. */
export function laneWidth(cols: number): number {
  return cols * (SIZES.podW + SIZES.gap) - SIZES.gap + SIZES.lanePad * 2;
}

function workloadCards(model: ClusterModel): Card[] {
  const children = new Map<string, ViewObject[]>();
  const roots: ViewObject[] = [];
  for (const view of model.workloads) {
    const owner = view.ownerUid && model.byUid.get(view.ownerUid);
    if (owner && owner.kind !== "Pod" && owner.kind !== "Service" && owner.kind !== "Node") {
      children.set(owner.uid, [...(children.get(owner.uid) ?? []), view]);
    } else roots.push(view);
  }
  roots.sort((a, b) => (KIND_RANK[a.kind] ?? 9) - (KIND_RANK[b.kind] ?? 9));
  const cards: Card[] = [];
  const place = (view: ViewObject, depth: number) => {
    const y = cards.length * (SIZES.cardH + SIZES.gap);
    const x = depth * SIZES.indent;
    cards.push({ view, depth, box: { x, y, w: SIZES.cardW - x, h: SIZES.cardH } });
    for (const child of children.get(view.uid) ?? []) place(child, depth + 1);
  };
  for (const root of roots) place(root, 0);
  return cards;
}

/**
 * The groups drawn collapsed unless the learner expands them: those larger than COLLAPSE_AT,
 * and, once the cluster holds more than CROWDED_AT pods, every group larger than CROWDED_GROUP
 * (so a big cluster stays a handful of summaries however its pods are spread).
 */
export function collapsibleGroups(pods: readonly PodView[]): Set<string> {
  const sizes = new Map<string, number>();
  for (const pod of pods) if (pod.group) sizes.set(pod.group, (sizes.get(pod.group) ?? 0) + 1);
  return groupsOver(sizes, pods.length);
}

function groupsOver(sizes: ReadonlyMap<string, number>, pods: number): Set<string> {
  const limit = pods > CROWDED_AT ? CROWDED_GROUP : COLLAPSE_AT;
  const groups = new Set<string>();
  for (const [group, size] of sizes) if (size > limit) groups.add(group);
  return groups;
}

function collapsedGroups(collapsible: ReadonlySet<string>, expanded: ReadonlySet<string>): Set<string> {
  const collapsed = new Set<string>();
  for (const group of collapsible) if (!expanded.has(group)) collapsed.add(group);
  return collapsed;
}

type LaneItem = { pod: PodView } | { summary: Omit<SummaryCell, "box" | "type"> };

/**
 * Works out one lane's items (its pods, and one summary per collapsed group) in drawing order,
 * by owner name, then pod name; a summary where its group's pods would be. The lane's pods are
 * in name order, so a summary's pods are too, and only what the lane shows is sorted.
 */
function sortLane(
  lane: string,
  memo: LaneMemo,
  collapsed: ReadonlySet<string>,
  groupName: (group: string) => string,
): void {
  const keyed: { key: string; item: LaneItem }[] = [];
  const summaries = new Map<string, Omit<SummaryCell, "box" | "type">>();
  const drawnUids: string[] = [];
  const drawnIds: string[] = [];
  for (const pod of memo.pods) {
    drawnUids.push(pod.uid);
    if (!collapsed.has(pod.group)) {
      keyed.push({ key: `${groupName(pod.group)}\u0000${pod.name}`, item: { pod } });
      drawnIds.push(pod.uid);
      continue;
    }
    let summary = summaries.get(pod.group);
    if (!summary) {
      summary = {
        id: `summary:${pod.group}:${lane}`,
        group: pod.group,
        lane,
        total: 0,
        counts: {},
        pods: [],
      };
      summaries.set(pod.group, summary);
      keyed.push({ key: `${groupName(pod.group)}\u0000`, item: { summary } });
    }
    count(summary, pod);
    drawnIds.push(summary.id);
  }
  memo.items = keyed.sort((a, b) => compare(a.key, b.key)).map((x) => x.item);
  memo.drawnUids = drawnUids;
  memo.drawnIds = drawnIds;
  memo.collapsed = collapsed;
  memo.placed = undefined;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function count(summary: Omit<SummaryCell, "box" | "type">, pod: PodView): void {
  const counts = summary.counts as Partial<Record<PodLook, number>>;
  counts[pod.status.look] = (counts[pod.status.look] ?? 0) + 1;
  summary.total++;
  (summary.pods as string[]).push(pod.uid);
}

function cellAt(
  item: LaneItem,
  lane: string,
  laneX: number,
  laneY: number,
  index: number,
  cols: number,
): Cell {
  const col = index % cols;
  const row = Math.floor(index / cols);
  const box = {
    x: laneX + SIZES.lanePad + col * (SIZES.podW + SIZES.gap),
    y: laneY + SIZES.laneHeader + row * (SIZES.podH + SIZES.gap),
    w: SIZES.podW,
    h: SIZES.podH,
  };
  if ("pod" in item) return { type: "pod", id: item.pod.uid, pod: item.pod, lane, box };
  return { type: "summary", ...item.summary, box };
}

/** Counts by look in display order, skipping zeros. */
export function summaryParts(cell: SummaryCell): { look: PodLook; count: number }[] {
  return POD_LOOKS.flatMap((look) => (cell.counts[look] ? [{ look, count: cell.counts[look] ?? 0 }] : []));
}
