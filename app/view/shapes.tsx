import { memo } from "react";
import type { MessageKey } from "../i18n";
import type { Card, Lane, PodCell, SummaryCell } from "./layout";
import { summaryParts } from "./layout";
import type { ViewObject } from "./model";

type T = (key: MessageKey) => string;

/** Shortens a name to about `max` characters, keeping its distinctive tail (`web-7c5d…-x8x7q`). */
export function shorten(name: string, max: number): string {
  if (name.length <= max) return name;
  const tail = Math.ceil((max - 1) * 0.6);
  return `${name.slice(0, max - 1 - tail)}…${name.slice(name.length - tail)}`;
}

const CHIP_CHAR = 5.4;

/** A row of label (or selector) chips, as many as fit in `width`; the rest are counted. */
function Chips({
  owner,
  entries,
  width,
  y,
  x = 6,
  selector = false,
  marked,
}: {
  owner: string;
  entries: [string, string][];
  width: number;
  y: number;
  x?: number;
  selector?: boolean;
  marked?: ReadonlySet<string>;
}) {
  const chips: { key: string; value: string; x: number; w: number }[] = [];
  let cx = x;
  let shown = 0;
  for (const [key, value] of entries) {
    const text = shorten(`${key}=${value}`, 22);
    const w = text.length * CHIP_CHAR + 8;
    if (cx + w > width - 22 && shown > 0) break;
    chips.push({ key, value, x: cx, w: Math.min(w, width - cx - 4) });
    cx += w + 3;
    shown++;
  }
  const more = entries.length - shown;
  return (
    <g>
      {chips.map((chip) => (
        <g
          key={chip.key}
          className={selector ? "chip selector" : "chip"}
          data-label-key={chip.key}
          data-label-value={chip.value}
          data-label-owner={owner}
          data-marked={marked?.has(chip.key) ? "true" : undefined}
        >
          <title>{`${chip.key}=${chip.value}`}</title>
          <rect x={chip.x} y={y} width={chip.w} height={12} rx={6} />
          <text x={chip.x + 4} y={y + 9} className="tiny">
            {shorten(`${chip.key}=${chip.value}`, Math.max(3, Math.floor((chip.w - 8) / CHIP_CHAR)))}
          </text>
        </g>
      ))}
      {more > 0 && (
        <text x={cx} y={y + 9} className="tiny muted">
          +{more}
        </text>
      )}
    </g>
  );
}

interface PodProps {
  cell: PodCell;
  highlighted: boolean;
  focused: boolean;
  marked?: ReadonlySet<string>;
  refFor: (id: string) => (el: SVGGElement | null) => void;
}

/** A pod card: phase colour, name, kubectl status, readiness, restarts and labels. */
export const PodShape = memo(function PodShape({ cell, highlighted, focused, marked, refFor }: PodProps) {
  const { pod, box } = cell;
  const s = pod.status;
  return (
    <g
      ref={refFor(cell.id)}
      className={`pod look-${s.look}${s.look === "terminating" ? " terminating" : ""} entering`}
      data-kind="Pod"
      data-name={pod.name}
      data-namespace={pod.namespace}
      data-uid={pod.uid}
      data-phase={s.phase}
      data-node={pod.nodeName ?? ""}
      data-state={s.reason}
      data-ready={s.allReady ? "true" : "false"}
      data-highlighted={highlighted ? "true" : undefined}
      data-focused={focused ? "true" : undefined}
      tabIndex={0}
      role="button"
      aria-label={`Pod ${pod.name} ${s.reason} ${s.ready}`}
    >
      <rect className="card-bg" width={box.w} height={box.h} rx={6} />
      <rect className="bar" width={4} height={box.h} rx={2} />
      <text x={10} y={12} className="small strong">
        {shorten(pod.name, 16)}
      </text>
      <circle className={s.allReady ? "ready-dot on" : "ready-dot"} cx={box.w - 9} cy={9} r={3.5} />
      <text x={10} y={24} className="small">
        {shorten(s.reason, s.restarts > 0 ? 10 : 15)}
        <tspan className="muted"> {s.ready}</tspan>
      </text>
      {s.restarts > 0 && (
        <text x={box.w - 6} y={24} textAnchor="end" className="small restarts">
          ↻{s.restarts}
        </text>
      )}
      <Chips
        owner={pod.uid}
        entries={Object.entries(pod.labels)}
        width={box.w}
        y={28}
        x={8}
        marked={marked}
      />
    </g>
  );
}, samePod);

/** Same pod version (uid + resourceVersion: the mirror replaces an object whenever it changes). */
function samePod(a: PodProps, b: PodProps): boolean {
  return (
    a.cell.pod.object === b.cell.pod.object &&
    a.cell.box.w === b.cell.box.w &&
    a.highlighted === b.highlighted &&
    a.focused === b.focused &&
    a.marked === b.marked &&
    a.refFor === b.refFor
  );
}

interface SummaryProps {
  cell: SummaryCell;
  ownerName: string;
  highlighted: boolean;
  refFor: (id: string) => (el: SVGGElement | null) => void;
  t: T;
}

/** Several pods of one group in one lane, counted by look; activating it expands the group. */
export const SummaryShape = memo(function SummaryShape({
  cell,
  ownerName,
  highlighted,
  refFor,
  t,
}: SummaryProps) {
  const { box } = cell;
  const parts = summaryParts(cell);
  const barW = box.w - 16;
  let x = 8;
  return (
    <g
      ref={refFor(cell.id)}
      className="summary entering"
      data-summary={cell.group}
      data-count={cell.total}
      data-highlighted={highlighted ? "true" : undefined}
      tabIndex={0}
      role="button"
      aria-label={`${ownerName}: ${cell.total} ${t("view.pods")}. ${t("view.expand")}`}
    >
      <title>{parts.map((p) => `${p.count} ${p.look}`).join(", ")}</title>
      <rect className="card-bg" width={box.w} height={box.h} rx={6} strokeDasharray="6 3" />
      <text x={8} y={14} className="small strong">
        {shorten(ownerName, 12)} ×{cell.total}
      </text>
      <text x={box.w - 8} y={14} textAnchor="end" className="toggle small">
        ▸
      </text>
      {parts.map((p) => {
        const w = Math.max(2, (p.count / cell.total) * barW);
        const seg = (
          <rect
            key={p.look}
            className={`seg look-${p.look}`}
            x={x}
            y={19}
            width={w}
            height={8}
            fill="var(--look)"
          />
        );
        x += w;
        return seg;
      })}
      <text x={8} y={38} className="tiny muted">
        {parts
          .slice(0, 3)
          .map((p) => `${p.count} ${t(`look.${p.look}` as MessageKey)}`)
          .join(" · ")}
      </text>
    </g>
  );
}, sameSummary);

function sameSummary(a: SummaryProps, b: SummaryProps): boolean {
  const counts = (p: SummaryProps) =>
    summaryParts(p.cell)
      .map((x) => `${x.look}${x.count}`)
      .join();
  return (
    a.cell.total === b.cell.total &&
    a.cell.box.w === b.cell.box.w &&
    a.ownerName === b.ownerName &&
    a.highlighted === b.highlighted &&
    a.refFor === b.refFor &&
    a.t === b.t &&
    counts(a) === counts(b)
  );
}

const BADGE: Record<string, string> = {
  Deployment: "deploy",
  ReplicaSet: "rs",
  Job: "job",
  CronJob: "cronjob",
  Service: "svc",
};

/** What a workload or Service card says under its name. */
export function cardLine(view: ViewObject): string {
  const { spec = {}, status = {} } = view.object;
  switch (view.kind) {
    case "Deployment":
    case "ReplicaSet":
      return `${status.readyReplicas ?? 0}/${spec.replicas ?? 0} ready`;
    case "Job":
      return `${status.succeeded ?? 0}/${spec.completions ?? 1} done${status.failed ? ` · ${status.failed} failed` : ""}`;
    case "CronJob":
      return `${spec.schedule ?? ""}${spec.suspend ? " (suspended)" : ""}`;
    case "Service":
      return `${spec.type ?? "ClusterIP"} ${spec.clusterIP ?? ""}`;
    default:
      return "";
  }
}

interface CardProps {
  card: Card;
  highlighted: boolean;
  focused: boolean;
  collapsible: boolean;
  collapsed: boolean;
  refFor: (id: string) => (el: SVGGElement | null) => void;
  t: T;
}

/** A Deployment, ReplicaSet, Job, CronJob or Service card with its selector as chips. */
export const CardShape = memo(function CardShape({
  card,
  highlighted,
  focused,
  collapsible,
  collapsed,
  refFor,
  t,
}: CardProps) {
  const { view, box } = card;
  const badge = BADGE[view.kind] ?? view.kind;
  const badgeW = badge.length * 5.6 + 8;
  const selector = view.selector
    ?.requirements()
    .map((r) => [r.key, [...r.values].join(",")] as [string, string]);
  return (
    <g
      ref={refFor(view.uid)}
      className={`card kind-${view.kind} entering`}
      data-kind={view.kind}
      data-name={view.name}
      data-namespace={view.namespace}
      data-uid={view.uid}
      data-highlighted={highlighted ? "true" : undefined}
      data-focused={focused ? "true" : undefined}
      tabIndex={0}
      role="button"
      aria-label={`${view.kind} ${view.name}`}
    >
      <rect className="card-bg" width={box.w} height={box.h} rx={7} />
      <rect className="kind-badge" x={6} y={5} width={badgeW} height={13} rx={3} />
      <text x={10} y={14.5} className="kind-badge-text">
        {badge}
      </text>
      <text x={badgeW + 11} y={15} className="small strong">
        {shorten(view.name, Math.floor((box.w - badgeW - 30) / 6))}
      </text>
      <text x={8} y={27} className="small muted">
        {cardLine(view)}
      </text>
      {collapsible && (
        <text
          x={box.w - 8}
          y={15}
          textAnchor="end"
          className="toggle small"
          data-toggle={view.uid}
          aria-label={collapsed ? t("view.expand") : t("view.collapse")}
        >
          {collapsed ? "▸" : "▾"}
        </text>
      )}
      {selector && <Chips owner={view.uid} entries={selector} width={box.w} y={29} selector />}
    </g>
  );
}, sameCard);

function sameCard(a: CardProps, b: CardProps): boolean {
  return (
    a.card.view === b.card.view &&
    a.card.box.w === b.card.box.w &&
    a.highlighted === b.highlighted &&
    a.focused === b.focused &&
    a.collapsible === b.collapsible &&
    a.collapsed === b.collapsed &&
    a.refFor === b.refFor &&
    a.t === b.t
  );
}

/** A node's lane (or the Pending lane) with its name and condition. */
export const LaneShape = memo(function LaneShape({ lane, t }: { lane: Lane; t: T }) {
  const { box, node } = lane;
  const status = node
    ? `${node.ready ? "Ready" : "NotReady"}${node.unschedulable ? ",SchedulingDisabled" : ""}`
    : "";
  return (
    <g
      className={`lane${node ? "" : " pending"}${node && !node.ready ? " not-ready" : ""}`}
      transform={`translate(${box.x},${box.y})`}
      data-lane={node?.name ?? "pending"}
      {...(node ? { "data-kind": "Node", "data-name": node.name, "data-uid": node.uid } : {})}
    >
      <rect className="lane-bg" width={box.w} height={box.h} rx={8} />
      <text x={8} y={12} className="small strong">
        {node ? node.name : t("view.pendingLane")}
      </text>
      <text x={box.w - 8} y={12} textAnchor="end" className="tiny muted">
        {node ? status : t("view.pendingHint")}
      </text>
    </g>
  );
}, sameLane);

function sameLane(a: { lane: Lane; t: T }, b: { lane: Lane; t: T }): boolean {
  const x = a.lane.box;
  const y = b.lane.box;
  return (
    a.lane.node === b.lane.node && a.t === b.t && x.x === y.x && x.y === y.y && x.w === y.w && x.h === y.h
  );
}
