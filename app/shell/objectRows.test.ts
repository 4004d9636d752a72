import { describe, expect, it } from "vitest";
import { createCluster, type WatchEvent } from "../../src";
import { ClusterMirror } from "../sim/mirror";
import { ObjectRows } from "./objectRows";

const names = (rows: readonly { kind: string; metadata: { name?: string } }[]) =>
  rows.map((o) => `${o.kind}/${o.metadata.name}`);

describe("ObjectRows", () => {
  it("keeps the table in the order a full sort gives, batch after batch", () => {
    const cluster = createCluster({ seed: 3, nodes: 2 });
    const mirror = new ClusterMirror();
    mirror.reset(cluster.snapshot(), [], cluster.resourceVersion());
    let events: WatchEvent[] = [];
    cluster.watch(cluster.resourceVersion(), (e) => events.push(e));
    const rows = new ObjectRows();
    const fresh = () => new ObjectRows().read(mirror);
    const lines = [
      "create deployment web --image=nginx --replicas=3",
      "create configmap b-config --from-literal=a=1",
      "create configmap a-config --from-literal=a=1",
      "create service clusterip web --tcp=80:80",
      "scale deployment web --replicas=1",
      "delete configmap b-config",
      "create job once --image=busybox",
      "set image deployment/web nginx=nginx:1.25",
    ];
    for (const line of lines) {
      expect(cluster.kubectl(line).stderr).toBe("");
      cluster.advance(5);
      mirror.apply([{ events, traces: [], inputs: [], clock: { now: 0, playing: false, speed: 1 } }]);
      events = [];
      expect(names(rows.read(mirror))).toEqual(names(fresh()));
    }
    const shown = names(rows.read(mirror));
    expect(shown).toContain("ConfigMap/a-config");
    expect(shown).not.toContain("ConfigMap/b-config");
    expect(shown.indexOf("Deployment/web")).toBeLessThan(shown.indexOf("ConfigMap/a-config"));
  });
});
