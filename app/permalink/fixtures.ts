import type { Work } from "./work";

const start = "2026-01-05T10:00:00Z";
const t0 = Date.parse(start);

/** A 40-line manifest: a Deployment and a Service, as a lesson step would have the learner write. */
export const LESSON_MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
        tier: frontend
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - containerPort: 80
          readinessProbe:
            httpGet:
              path: /
              port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: 80
  type: ClusterIP
`;

/** A typical lesson state: one manifest, five commands over two minutes. The permalink size budget is measured on it. */
export const TYPICAL_WORK: Work = {
  seed: 1,
  nodes: 3,
  start,
  lesson: { id: "deployments", step: 2 },
  files: { "web.yaml": LESSON_MANIFEST },
  log: [
    { at: t0 + 4_000, tool: "kubectl", line: "apply -f web.yaml", files: { "web.yaml": LESSON_MANIFEST } },
    { at: t0 + 12_500, tool: "kubectl", line: "get pods -o wide" },
    { at: t0 + 31_000, tool: "kubectl", line: "scale deployment web --replicas=5" },
    { at: t0 + 47_250, tool: "kubeplay", line: "kubeplay node stop node-2" },
    { at: t0 + 95_000, tool: "kubectl", line: "get pods -l app=web" },
  ],
  end: t0 + 120_000,
};
