import { useMemo, useState, useSyncExternalStore } from "react";
import type { TraceRecord } from "../../src";
import { formatClock } from "../time/formatClock";
import { useT } from "../state/uiStore";
import { DecisionList } from "./decisions";
import type { ViewHistory } from "./history";
import { useViewStore } from "./viewStore";

/** One trace record as a line a learner reads. */
export function traceLine(trace: TraceRecord): string {
  const what = trace.actions.length ? ` → ${trace.actions.join("; ")}` : "";
  return `${trace.object.kind} ${trace.object.name}: ${trace.observed}${what}`;
}

/**
 * Which decision the timeline stands on: the one stepped to; after a scrub, the last one the
 * shown moment includes (-1: none yet); live, one past the end.
 */
function decisionIndex(
  decisions: readonly TraceRecord[],
  history: ViewHistory,
  cursor: number | undefined,
  traceSeq: number | undefined,
): number {
  if (traceSeq !== undefined) return decisions.findIndex((r) => r.seq === traceSeq);
  if (cursor === undefined) return decisions.length;
  const shown = history.resourceVersionAt(cursor) ?? Number.NEGATIVE_INFINITY;
  let lo = 0;
  let hi = decisions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (decisions[mid].resourceVersion <= shown) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The trace as a timeline: step one reconcile decision at a time (the view shows the cluster
 * as that decision left it, at its resourceVersion), scrub back to any kept moment, and return to live.
 */
export function Timeline({ history, traces }: { history: ViewHistory; traces: readonly TraceRecord[] }) {
  const t = useT();
  const range = useSyncExternalStore(history.subscribe, history.get);
  const cursor = useViewStore((s) => s.cursor);
  const traceSeq = useViewStore((s) => s.traceSeq);
  const travel = useViewStore((s) => s.travel);
  const [open, setOpen] = useState(false);
  const decisionList = useMemo(() => new DecisionList(), []);
  const decisions = useMemo(() => decisionList.read(traces), [decisionList, traces]);
  const index = decisionIndex(decisions, history, cursor, traceSeq);
  const current = index >= 0 && index < decisions.length ? decisions[index] : undefined;
  const live = cursor === undefined;

  const stepTo = (i: number) => {
    const trace = decisions[i];
    if (!trace) return travel(undefined);
    // The frame holding the decision's writes, shown only up to them: one decision at a time,
    // even when a frame (one batch) holds many.
    const frame = history.frameForVersion(trace.resourceVersion) ?? range.last;
    travel(frame, { seq: trace.seq, resourceVersion: trace.resourceVersion });
  };
  const time = live ? undefined : history.timeAt(cursor);
  const empty = range.last < range.first;

  return (
    <div className="kv-timeline" role="group" aria-label={t("timeline.label")}>
      <div className="kv-timeline-bar">
        <button
          type="button"
          onClick={() => stepTo(Math.max(0, index - 1))}
          disabled={decisions.length === 0 || index <= 0}
          aria-label={t("timeline.back")}
          title={t("timeline.back")}
        >
          ◀
        </button>
        <button
          type="button"
          onClick={() => stepTo(index + 1)}
          disabled={live || index >= decisions.length - 1}
          aria-label={t("timeline.forward")}
          title={t("timeline.forward")}
        >
          ▶
        </button>
        <input
          type="range"
          data-testid="scrubber"
          aria-label={t("timeline.scrub")}
          min={range.first}
          max={Math.max(range.first, range.last)}
          value={cursor ?? range.last}
          disabled={empty}
          onChange={(e) => {
            const frame = Number(e.target.value);
            travel(frame >= range.last ? undefined : frame);
          }}
        />
        <button
          type="button"
          data-testid="live"
          className={live ? "is-live" : ""}
          aria-pressed={live}
          onClick={() => travel(undefined)}
        >
          {live ? `● ${t("timeline.live")}` : t("timeline.backToLive")}
        </button>
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t("timeline.decisions")} ({decisions.length})
        </button>
      </div>
      <p className="kv-timeline-now" data-testid="timeline-now">
        {time !== undefined && (
          <strong>
            {t("timeline.past")} {formatClock(time)} ·{" "}
          </strong>
        )}
        {current
          ? `${formatClock(current.time)} ${current.component}: ${traceLine(current)}`
          : t("timeline.hint")}
      </p>
      {open && (
        <ol className="kv-decisions">
          {decisions.length === 0 && <li>{t("timeline.none")}</li>}
          {decisions.slice(-80).map((r) => (
            <li key={r.seq}>
              <button
                type="button"
                aria-current={r.seq === traceSeq}
                onClick={() => stepTo(decisions.indexOf(r))}
              >
                <span className="muted">{formatClock(r.time)}</span> {r.component}: {traceLine(r)}
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
