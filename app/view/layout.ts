import type { ClusterModel, EdgeView, NodeView, PodView, ViewObject } from "./model";
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
 * that are not in `expanded` collapse into one summary cell per lane. Pure.
 */
export function layoutModel(model: ClusterModel, expanded: ReadonlySet<string> = new Set()): Layout {
  const boxes = new Map<string, Box>();
  const workloads = workloadCards(model);
  for (const card of workloads) boxes.set(card.view.uid, card.box);
  const laneX = SIZES.cardW + SIZES.column;
  const collapsible = collapsibleGroups(model.pods);
  const collapsed = collapsedGroups(collapsible, expanded);
  const { lanes, cells, drawnAs, bottom, width } = laneCells(model, laneX, collapsed);
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
  const limit = pods.length > CROWDED_AT ? CROWDED_GROUP : COLLAPSE_AT;
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

function laneCells(model: ClusterModel, x: number, collapsed: ReadonlySet<string>) {
  // Lane ids and summaries are looked up, not built per pod: this loop runs over every pod on
  // every change, so it allocates only for what is drawn.
  const laneIds = new Map(model.nodes.map((n) => [n.name, `lane:${n.name}`]));
  const laneOf = (pod: PodView) => (pod.nodeName && laneIds.get(pod.nodeName)) || PENDING_LANE;
  const keyed = new Map<string, { key: string; item: LaneItem }[]>();
  const summaries = new Map<string, Map<string, Omit<SummaryCell, "box" | "type">>>();
  const groupName = (group: string) => model.byUid.get(group)?.name ?? "";
  const drawnAs = new Map<string, string>();
  // model.pods is in name order, so a summary's pods are too. Only what a lane shows is
  // sorted (by owner name, then pod name; a summary where its group's pods would be), so a
  // thousand collapsed pods cost one pass, not a sort.
  for (const pod of model.pods) {
    const lane = laneOf(pod);
    let list = keyed.get(lane);
    if (!list) {
      list = [];
      keyed.set(lane, list);
    }
    if (!collapsed.has(pod.group)) {
      list.push({ key: `${groupName(pod.group)}\u0000${pod.name}`, item: { pod } });
      drawnAs.set(pod.uid, pod.uid);
      continue;
    }
    let byLane = summaries.get(pod.group);
    if (!byLane) {
      byLane = new Map();
      summaries.set(pod.group, byLane);
    }
    let summary = byLane.get(lane);
    if (!summary) {
      summary = {
        id: `summary:${pod.group}:${lane}`,
        group: pod.group,
        lane,
        total: 0,
        counts: {},
        pods: [],
      };
      byLane.set(lane, summary);
      list.push({ key: `${groupName(pod.group)}\u0000`, item: { summary } });
    }
    count(summary, pod);
    drawnAs.set(pod.uid, summary.id);
  }
  const items = new Map<string, LaneItem[]>();
  for (const [lane, list] of keyed)
    items.set(
      lane,
      list.sort((a, b) => compare(a.key, b.key)).map((x) => x.item),
    );
  const laneOrder = [PENDING_LANE, ...laneIds.values()];
  const nodesByLane = new Map(model.nodes.map((n) => [`lane:${n.name}`, n]));
  const fullest = Math.max(0, ...[...items.values()].map((list) => list.length));
  const cols = Math.min(SIZES.maxLaneCols, Math.max(SIZES.minLaneCols, fullest));
  const width = laneWidth(cols);
  const lanes: Lane[] = [];
  const cells: Cell[] = [];
  let y = 0;
  for (const id of laneOrder) {
    const list = items.get(id) ?? [];
    const rows = Math.ceil(list.length / cols);
    // An empty Pending lane stays a thin strip: it only needs to show where pods wait.
    const minRows = id === PENDING_LANE ? 0 : 1;
    const h =
      SIZES.laneHeader +
      Math.max(minRows, rows) * (SIZES.podH + SIZES.gap) -
      (rows || minRows ? SIZES.gap : 0) +
      SIZES.lanePad;
    const node = nodesByLane.get(id);
    lanes.push({ id, node, box: { x, y, w: width, h } });
    list.forEach((item, i) => cells.push(cellAt(item, id, x, y, i, cols)));
    y += h + SIZES.gap;
  }
  return { lanes, cells, drawnAs, bottom: y - SIZES.gap, width };
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

function drawnEdges(
  edges: readonly EdgeView[],
  drawnAs: ReadonlyMap<string, string>,
  boxes: ReadonlyMap<string, Box>,
): DrawnEdge[] {
  const drawn: DrawnEdge[] = [];
  // Deduplicated by kind, then from, then to, so that the thousands of edges a collapsed
  // group folds into one allocate nothing; an id is built only for an edge kept.
  const seen = { owner: new Map<string, Set<string>>(), selector: new Map<string, Set<string>>() };
  for (const edge of edges) {
    const from = drawnAs.get(edge.from) ?? edge.from;
    const to = drawnAs.get(edge.to) ?? edge.to;
    if (!boxes.has(from) || !boxes.has(to)) continue;
    let targets = seen[edge.kind].get(from);
    if (!targets) {
      targets = new Set();
      seen[edge.kind].set(from, targets);
    }
    if (targets.has(to)) continue;
    targets.add(to);
    const id = from === edge.from && to === edge.to ? edge.id : `${edge.kind}:${from}:${to}`;
    drawn.push({ id, edge, from, to });
  }
  return drawn;
}

/** Counts by look in display order, skipping zeros. */
export function summaryParts(cell: SummaryCell): { look: PodLook; count: number }[] {
  return POD_LOOKS.flatMap((look) => (cell.counts[look] ? [{ look, count: cell.counts[look] ?? 0 }] : []));
}
