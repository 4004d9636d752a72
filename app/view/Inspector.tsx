import { dump } from "js-yaml";
import { useEffect, useMemo, useSyncExternalStore } from "react";
import type { KubeObject, TraceRecord } from "../../src";
import type { ObjectEventsRequest } from "../sim/protocol";
import { bridge } from "../sim/session";
import { useT } from "../state/uiStore";
import { formatClock } from "../time/formatClock";
import type { ClusterModel, ViewObject } from "./model";
import { ObjectEventsFeed, type ShownEvents } from "./objectEventsFeed";
import { cardLine } from "./shapes";
import { traceLine } from "./Timeline";
import { useViewStore } from "./viewStore";

/** The owner chain above an object, nearest first. */
export function ownersOf(model: ClusterModel, uid: string): ViewObject[] {
  const chain: ViewObject[] = [];
  for (let owner = model.byUid.get(uid)?.ownerUid; owner; owner = model.byUid.get(owner)?.ownerUid) {
    const view = model.byUid.get(owner);
    if (!view || chain.includes(view)) break;
    chain.push(view);
  }
  return chain;
}

function dependentsOf(model: ClusterModel, uid: string): ViewObject[] {
  return [...(model.edgesFrom.get(uid)?.values() ?? [])]
    .filter((e) => e.kind === "owner")
    .flatMap((e) => model.byUid.get(e.to) ?? []);
}

function mentions(trace: TraceRecord, object: KubeObject): boolean {
  const name = object.metadata.name;
  const ns = object.metadata.namespace ?? "";
  const same = (r: { kind: string; namespace: string; name: string }) =>
    r.kind === object.kind && r.name === name && r.namespace === ns;
  return same(trace.object) || trace.touched.some(same);
}

function statusText(view: ViewObject): string {
  if (view.kind === "Pod") {
    const pod = view.object;
    const s = (view as ViewObject & { status: { reason: string; ready: string; restarts: number } }).status;
    return `${s.reason} · ${s.ready} ready · ${s.restarts} restarts · ${pod.spec?.nodeName ?? "unscheduled"}${pod.status?.podIP ? ` · ${pod.status.podIP}` : ""}`;
  }
  return cardLine(view);
}

/** The moment the view shows when travelling back in time (undefined: live). */
export type Moment = ObjectEventsRequest["at"];

/** How many of an object's Events the inspector lists (the latest). */
const SHOWN_EVENTS = 8;

/**
 * The Events about `view`'s object, asked of the worker (the mirror holds none): again when
 * another object or moment is shown, and live when the cluster changed (`version`), at most
 * every LIVE_REFRESH_MS. Rendering never waits for the answer.
 */
function useObjectEvents(view: ViewObject | undefined, at: Moment, version: number): ShownEvents {
  const feed = useMemo(
    () =>
      new ObjectEventsFeed((query) =>
        bridge.request({ type: "objectEvents", ...query }).then((r) => r.events),
      ),
    [],
  );
  useEffect(() => () => feed.dispose(), [feed]);
  const meta = view?.object.metadata;
  const [kind, uid, namespace, name] = [view?.kind, view?.uid, meta?.namespace, meta?.name ?? ""];
  const [atVersion, atTime] = [at?.resourceVersion, at?.time];
  const liveVersion = at ? undefined : version;
  useEffect(() => {
    if (!kind || !uid) return feed.want(undefined, "");
    const moment =
      atVersion === undefined || atTime === undefined
        ? undefined
        : { resourceVersion: atVersion, time: atTime };
    feed.want(
      { object: { kind, namespace, name, uid }, at: moment },
      `${uid}|${atVersion ?? "live"}|${atTime ?? liveVersion}`,
    );
  }, [feed, kind, uid, namespace, name, atVersion, atTime, liveVersion]);
  return useSyncExternalStore(feed.subscribe, feed.get);
}

/**
 * The inspector of the selected object: its status, its owner chain up and its dependents
 * down (each a link), its events, the trace records that explain it, and its YAML as the
 * cluster (or the moment travelled to) holds it.
 */
export function Inspector({
  model,
  at,
  version,
  traces,
}: {
  model: ClusterModel;
  /** The moment shown when travelling back in time; undefined: live. */
  at: Moment;
  /** The mirror's version: live, a new one may bring new Events. */
  version: number;
  traces: readonly TraceRecord[];
}) {
  const t = useT();
  const selected = useViewStore((s) => s.selected);
  const select = useViewStore((s) => s.select);
  const view = selected ? model.byUid.get(selected) : undefined;
  const yaml = useMemo(() => (view ? dump(view.object, { noRefs: true, lineWidth: 100 }) : ""), [view]);
  const shown = useObjectEvents(view, at, version);
  const events = shown.uid === view?.uid ? shown.events.slice(-SHOWN_EVENTS) : undefined;
  // In the past, only the decisions made by then explain what the view shows.
  const why = useMemo(
    () =>
      view
        ? traces
            .filter((r) => (!at || r.resourceVersion <= at.resourceVersion) && mentions(r, view.object))
            .slice(-10)
        : [],
    [traces, view, at],
  );
  if (!selected) return null;
  if (!view) {
    return (
      <aside className="kv-inspector" aria-label={t("inspector.label")}>
        <header>
          <p className="muted">{t("inspector.gone")}</p>
          <button type="button" onClick={() => select(undefined)} aria-label={t("inspector.close")}>
            ✕
          </button>
        </header>
      </aside>
    );
  }
  const link = (v: ViewObject) => (
    <li key={v.uid}>
      <button type="button" className="linkish" onClick={() => select(v.uid)}>
        {v.kind} {v.name}
      </button>
    </li>
  );
  const owners = ownersOf(model, view.uid);
  const dependents = dependentsOf(model, view.uid);
  return (
    <aside className="kv-inspector" data-testid="inspector" aria-label={t("inspector.label")}>
      <header>
        <h3>
          <span className="muted">{view.kind}</span> {view.name}
        </h3>
        <button type="button" onClick={() => select(undefined)} aria-label={t("inspector.close")}>
          ✕
        </button>
      </header>
      <p className="kv-status">{statusText(view)}</p>
      <section>
        <h4>{t("inspector.owners")}</h4>
        {owners.length ? <ol>{owners.map(link)}</ol> : <p className="muted">{t("inspector.none")}</p>}
      </section>
      <section>
        <h4>{t("inspector.dependents")}</h4>
        {dependents.length ? (
          <ul>{dependents.slice(0, 30).map(link)}</ul>
        ) : (
          <p className="muted">{t("inspector.none")}</p>
        )}
      </section>
      <section>
        <h4>{t("inspector.why")}</h4>
        {why.length ? (
          <ol className="kv-why" data-testid="inspector-why">
            {why.map((r) => (
              <li key={r.seq}>
                <span className="muted">
                  {formatClock(r.time)} {r.component}
                </span>{" "}
                {traceLine(r)}
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">{t("inspector.noTrace")}</p>
        )}
      </section>
      <section>
        <h4>{t("inspector.events")}</h4>
        {!events ? (
          <p className="muted">{t("inspector.eventsLoading")}</p>
        ) : events.length ? (
          <ul data-testid="inspector-events">
            {events.map((e) => (
              <li key={e.metadata.uid}>
                <strong>{e.reason}</strong> {e.message}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("inspector.none")}</p>
        )}
      </section>
      <details>
        <summary>{t("inspector.yaml")}</summary>
        <pre className="kv-yaml">{yaml}</pre>
      </details>
    </aside>
  );
}
