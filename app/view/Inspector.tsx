import { dump } from "js-yaml";
import { useMemo } from "react";
import type { KubeObject, TraceRecord } from "../../src";
import { useT } from "../state/uiStore";
import { formatClock } from "../time/formatClock";
import type { ClusterModel, ViewObject } from "./model";
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

/**
 * The inspector of the selected object: its status, its owner chain up and its dependents
 * down (each a link), its events, the trace records that explain it, and its YAML as the
 * cluster (or the moment travelled to) holds it.
 */
export function Inspector({
  model,
  objects,
  version,
  traces,
}: {
  model: ClusterModel;
  /** The objects shown: the mirror's live map (so `version` says when it changed), or a past moment. */
  objects: ReadonlyMap<string, KubeObject>;
  version: number;
  traces: readonly TraceRecord[];
}) {
  const t = useT();
  const selected = useViewStore((s) => s.selected);
  const select = useViewStore((s) => s.select);
  const view = selected ? model.byUid.get(selected) : undefined;
  const yaml = useMemo(() => (view ? dump(view.object, { noRefs: true, lineWidth: 100 }) : ""), [view]);
  const events = useMemo(() => {
    if (!view) return [];
    return [...objects.values()]
      .filter((o) => o.kind === "Event" && o.involvedObject?.uid === view.uid)
      .slice(-8);
  }, [objects, view, version]);
  const why = useMemo(
    () => (view ? traces.filter((r) => mentions(r, view.object)).slice(-10) : []),
    [traces, view],
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
          <ol className="kv-why">
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
        {events.length ? (
          <ul>
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
