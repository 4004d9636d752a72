import { createCluster } from "../src";
import { listObjects } from "../src/kubectl/query";
import { resolveType } from "../src/kubectl/resources";
import { medianMs, onceMs, report } from "./timing";

/** Engine part 1 budgets: creates, list with a label selector, a 50-object apply. */
export function benchApiServer(): void {
  const configMaps = createCluster({ nodes: 0 });
  const creates = 10_000;
  const createMs = onceMs(() => {
    for (let i = 0; i < creates; i++) {
      configMaps.api.create({
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: { name: `cm-${i}`, namespace: "default" },
        data: { k: "v" },
      });
    }
  });
  report(
    `create ${creates} ConfigMaps (API server path), per create`,
    `${(createMs / creates).toFixed(4)} ms`,
    "0.1 ms",
    createMs / creates <= 0.1,
  );

  const pods = createCluster({ nodes: 0 });
  for (let i = 0; i < 10_000; i++) {
    pods.api.create({
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        name: `pod-${i}`,
        namespace: "default",
        labels: { app: i % 2 === 0 ? "web" : "db", tier: `t${i % 7}` },
      },
      spec: { containers: [{ name: "c", image: "nginx" }] },
    });
  }
  const podType = resolveType("pods");
  const listMs = medianMs(9, () => {
    listObjects(pods, podType, { namespace: "default", allNamespaces: false, labelSelector: "app=web" });
  });
  report("list pods -l app=web over 10,000 pods", `${listMs.toFixed(2)} ms`, "20 ms", listMs <= 20);
  const getMs = medianMs(3, () => pods.kubectl("get pods -l app=web"));
  report("kubectl get pods -l app=web over 10,000 pods (with table)", `${getMs.toFixed(1)} ms`, "-", true);

  const manifest = Array.from(
    { length: 50 },
    (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg-${i}\ndata:\n  key: value-${i}\n`,
  ).join("---\n");
  const applyCluster = createCluster({ nodes: 0 });
  const applyMs = onceMs(() => applyCluster.kubectl("apply -f -", manifest));
  report("kubectl apply of a 50-object multi-document file", `${applyMs.toFixed(1)} ms`, "-", true);
  const reapplyMs = onceMs(() => applyCluster.kubectl("apply -f -", manifest));
  report("kubectl apply of the same file again (all unchanged)", `${reapplyMs.toFixed(1)} ms`, "-", true);

  const hundred = createCluster({ nodes: 3 });
  hundred.kubectl("create deployment web --image=nginx --replicas=100");
  hundred.advance(60);
  const consoleMs = medianMs(9, () => hundred.kubectl("get pods"));
  report(
    "console: kubectl get pods on a 100-pod cluster (engine side)",
    `${consoleMs.toFixed(1)} ms`,
    "50 ms",
    consoleMs <= 50,
  );
}
