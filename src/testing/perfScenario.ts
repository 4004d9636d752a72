import { createCluster } from "../cluster";

/** kubectl lines of the fixed scenario, each followed by `advance` seconds (0 = just settle). */
const STEPS: [string, number][] = [
  ["create deployment web --image=nginx:1.27.4 --replicas=12", 40],
  ["apply -f -", 0],
  ["set image deployment/web nginx=nginx:1.26.3", 5],
  ["scale deployment/web --replicas=20", 90],
  ["scale deployment/web --replicas=7", 45],
  ["create job once --image=busybox:1.36 -- echo hi", 30],
  ["create cronjob tick --image=busybox:1.36 --schedule=*/2 * * * * -- echo tock", 300],
  ["label pod loner role=stray", 5],
  ["delete pod loner", 35],
  ["rollout undo deployment/web", 60],
];

const EXTRA = `apiVersion: v1
kind: Pod
metadata:
  name: loner
  labels: {app: web}
spec:
  containers:
  - name: c
    image: nginx:1.27.4
    resources:
      requests: {cpu: 100m, memory: 64Mi}
---
apiVersion: v1
kind: Pod
metadata:
  name: huge
spec:
  containers:
  - name: c
    image: nginx:1.27.4
    resources:
      requests: {cpu: "64"}
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
  - port: 80
`;

/**
 * The fixed scenario whose full transcript (`get pods,rs,deploy -o wide`, `get events`,
 * one Deployment as YAML, endpoints) must not change when the engine is made faster.
 */
export function perfScenarioTranscript(): string {
  const c = createCluster({ seed: 42, nodes: 4 });
  const out: string[] = [];
  // Every watch event and trace record, in order, folded into one digest: writes must not change.
  const stream = { events: 0, traces: 0, hash: 0x811c9dc5 };
  const fold = (text: string) => {
    for (let i = 0; i < text.length; i++) stream.hash = Math.imul(stream.hash ^ text.charCodeAt(i), 16777619);
  };
  c.watch(0, (e) => {
    stream.events++;
    fold(`${e.type} ${e.resourceVersion} ${JSON.stringify(e.object)}\n`);
  });
  c.onTrace((r) => {
    stream.traces++;
    fold(`${JSON.stringify(r)}\n`);
  });
  const show = (line: string) => {
    const r = c.kubectl(line);
    out.push(`$ kubectl ${line}\n${r.stdout}${r.stderr}`);
  };
  for (const [line, seconds] of STEPS) {
    const r = line.startsWith("apply") ? c.kubectl(line, EXTRA) : c.kubectl(line);
    out.push(`$ kubectl ${line}\n${r.stdout}${r.stderr}`);
    c.advance(seconds);
    show("get pods,rs,deploy,jobs -o wide");
    show("get events -A");
  }
  c.stopNode("node-2");
  c.advance(400);
  show("get pods,rs,deploy,jobs,nodes -o wide");
  show("get events -A");
  show("get deploy web -o yaml");
  show("get endpoints web -o yaml");
  out.push(
    `watch events: ${stream.events}, trace records: ${stream.traces}, digest ${(stream.hash >>> 0).toString(16)}`,
  );
  return out.join("\n");
}
