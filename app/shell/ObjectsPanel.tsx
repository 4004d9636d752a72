import { useMemo } from "react";
import type { KubeObject } from "../../src";
import { mirror } from "../sim/session";
import { useMirror } from "../sim/mirror";
import { useT } from "../state/uiStore";
import { ObjectRows } from "./objectRows";

const MAX_ROWS = 300;

/** A short status in kubectl's own words (`Running`, `3/3`, `NotReady`), which stay untranslated as in kubectl. */
export function objectStatus(object: KubeObject): string {
  if (object.metadata.deletionTimestamp) return "Terminating";
  const status = object.status ?? {};
  switch (object.kind) {
    case "Pod":
      return status.phase ?? "";
    case "Deployment":
    case "ReplicaSet":
    case "StatefulSet":
      return `${status.readyReplicas ?? 0}/${object.spec?.replicas ?? 0}`;
    case "Node": {
      const ready = (status.conditions ?? []).find((c: { type: string }) => c.type === "Ready");
      return ready ? (ready.status === "True" ? "Ready" : "NotReady") : "";
    }
    default:
      return "";
  }
}

/** A plain table of the cluster's objects (kind, name, status), read from the mirror. */
export function ObjectsPanel() {
  const t = useT();
  const state = useMirror(mirror);
  const source = useMemo(() => new ObjectRows(), []);
  const rows = useMemo(() => source.read(mirror), [source, state.version]);
  if (rows.length === 0) return <p className="placeholder">{t("objects.empty")}</p>;
  return (
    <div className="objects-panel">
      <table className="objects" data-testid="objects">
        <caption className="visually-hidden">{t("objects.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("objects.kind")}</th>
            <th scope="col">{t("objects.name")}</th>
            <th scope="col">{t("objects.status")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, MAX_ROWS).map((object) => (
            <tr key={object.metadata.uid} data-kind={object.kind}>
              <td>{object.kind}</td>
              <td className="object-name">
                {object.metadata.namespace && object.metadata.namespace !== "default"
                  ? `${object.metadata.namespace}/`
                  : ""}
                {object.metadata.name}
              </td>
              <td>{objectStatus(object)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > MAX_ROWS && (
        <p className="more">{t("objects.more").replace("{n}", String(rows.length - MAX_ROWS))}</p>
      )}
    </div>
  );
}
