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
  /** Groups currently collapsed. */
  collapsed: ReadonlySet<string>;
}

/** Groups (pods under one controller) larger than this start collapsed. */
export const COLLAPSE_AT = 24;

export const SIZES = {
  cardW: 172,
  cardH: 50,
  indent: 16,
  podW: 132,
  podH: 50,
  gap: 8,
  /** Pod columns per lane: as many as the fullest lane needs, within these bounds. */
  minLaneCols: 2,
  maxLaneCols: 3,
  laneHeader: 22,
  lanePad: 8,
  column: 44,
  serviceW: 156,
} as const;

export const PENDING_LANE = "lane:pending";

const KIND_RANK: Record<string, number> = { Deployment: 0, CronJob: 1, ReplicaSet: 2, Job: 3 };

/**
 * Lays the model out: the workload tree on the left (owners above their dependents, so
 * ownership reads top to bottom and then left to right into the pods), node lanes in the
 * middle (the Pending lane first), Services on the right. Groups larger than COLLAPSE_AT
 * that are not in `expanded` collapse into one summary cell per lane. Pure.
 */
export function layoutModel(model: ClusterModel, expanded: ReadonlySet<string> = new Set()): Layout {
  const boxes = new Map<string, Box>();
  const workloads = workloadCards(model);
  for (const card of workloads) boxes.set(card.view.uid, card.box);
  const laneX = SIZES.cardW + SIZES.column;
  const collapsed = collapsedGroups(model.pods, expanded);
  const { lanes, cells, drawnAs, bottom, width } = laneCells(model, laneX, collapsed);
  for (const lane of lanes) boxes.set(lane.id, lane.box);
  for (const cell of cells) boxes.set(cell.id, cell.box);
  const serviceX = laneX + width + SIZES.column;
  const services = model.services.map((view, i) => ({
    view,
    depth: 0,
    box: { x: serviceX, y: i * (SIZES.cardH + SIZES.gap * 2), w: SIZES.serviceW, h: SIZES.cardH },
  }));
  for (const card of services) boxes.set(card.view.uid, card.box);
  const lastCard = (cards: Card[]) => (cards.length ? cards[cards.length - 1].box.y + SIZES.cardH : 0);
  return {
    width: services.length ? serviceX + SIZES.serviceW : laneX + width,
    height: Math.max(bottom, lastCard(workloads), lastCard(services)),
    workloads,
    services,
    lanes,
    cells,
    edges: drawnEdges(model.edges, drawnAs, boxes),
    boxes,
    drawnAs,
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

function collapsedGroups(pods: readonly PodView[], expanded: ReadonlySet<string>): Set<string> {
  const sizes = new Map<string, number>();
  for (const pod of pods) if (pod.group) sizes.set(pod.group, (sizes.get(pod.group) ?? 0) + 1);
  const collapsed = new Set<string>();
  for (const [group, size] of sizes) if (size > COLLAPSE_AT && !expanded.has(group)) collapsed.add(group);
  return collapsed;
}

type LaneItem = { pod: PodView } | { summary: Omit<SummaryCell, "box" | "type"> };

function laneCells(model: ClusterModel, x: number, collapsed: ReadonlySet<string>) {
  const nodeNames = new Set(model.nodes.map((n) => n.name));
  const laneOf = (pod: PodView) =>
    pod.nodeName && nodeNames.has(pod.nodeName) ? `lane:${pod.nodeName}` : PENDING_LANE;
  const items = new Map<string, LaneItem[]>();
  const summaries = new Map<string, Omit<SummaryCell, "box" | "type">>();
  const groupName = (group: string) => model.byUid.get(group)?.name ?? "";
  const ordered = [...model.pods].sort(
    (a, b) => groupName(a.group).localeCompare(groupName(b.group)) || a.name.localeCompare(b.name),
  );
  const drawnAs = new Map<string, string>();
  for (const pod of ordered) {
    const lane = laneOf(pod);
    const list = items.get(lane) ?? [];
    items.set(lane, list);
    if (!collapsed.has(pod.group)) {
      list.push({ pod });
      drawnAs.set(pod.uid, pod.uid);
      continue;
    }
    const id = `summary:${pod.group}:${lane}`;
    let summary = summaries.get(id);
    if (!summary) {
      summary = { id, group: pod.group, lane, total: 0, counts: {}, pods: [] };
      summaries.set(id, summary);
      list.push({ summary });
    }
    count(summary, pod);
    drawnAs.set(pod.uid, id);
  }
  const laneIds = [PENDING_LANE, ...model.nodes.map((n) => `lane:${n.name}`)];
  const fullest = Math.max(0, ...[...items.values()].map((list) => list.length));
  const cols = Math.min(SIZES.maxLaneCols, Math.max(SIZES.minLaneCols, fullest));
  const width = laneWidth(cols);
  const lanes: Lane[] = [];
  const cells: Cell[] = [];
  let y = 0;
  for (const id of laneIds) {
    const list = items.get(id) ?? [];
    const rows = Math.ceil(list.length / cols);
    // An empty Pending lane stays a thin strip: it only needs to show where pods wait.
    const minRows = id === PENDING_LANE ? 0 : 1;
    const h =
      SIZES.laneHeader +
      Math.max(minRows, rows) * (SIZES.podH + SIZES.gap) -
      (rows || minRows ? SIZES.gap : 0) +
      SIZES.lanePad;
    const node = model.nodes.find((n) => `lane:${n.name}` === id);
    lanes.push({ id, node, box: { x, y, w: width, h } });
    list.forEach((item, i) => cells.push(cellAt(item, id, x, y, i, cols)));
    y += h + SIZES.gap;
  }
  return { lanes, cells, drawnAs, bottom: y - SIZES.gap, width };
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
  const seen = new Map<string, DrawnEdge>();
  for (const edge of edges) {
    const from = drawnAs.get(edge.from) ?? edge.from;
    const to = drawnAs.get(edge.to) ?? edge.to;
    if (!boxes.has(from) || !boxes.has(to)) continue;
    const id = `${edge.kind}:${from}:${to}`;
    if (!seen.has(id)) seen.set(id, { id, edge, from, to });
  }
  return [...seen.values()];
}

/** Counts by look in display order, skipping zeros. */
export function summaryParts(cell: SummaryCell): { look: PodLook; count: number }[] {
  return POD_LOOKS.flatMap((look) => (cell.counts[look] ? [{ look, count: cell.counts[look] ?? 0 }] : []));
}
