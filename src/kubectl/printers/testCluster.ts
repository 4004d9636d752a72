// A small realistic cluster for golden-table tests: what `kubectl create deployment web
// --image=nginx --replicas=3`, a Service, a Job and friends leave behind a few minutes in.
import type { CronJob, Job } from "kubernetes-types/batch/v1";
import type { Deployment, ReplicaSet } from "kubernetes-types/apps/v1";
import type {
  ConfigMap,
  Endpoints,
  Event,
  Namespace,
  Node,
  Pod,
  Secret,
  Service,
} from "kubernetes-types/core/v1";
import { ago, running, status } from "./testObjects";

const webLabels = { app: "web", "pod-template-hash": "7c5d8bf9f7" };
const webTemplate = {
  metadata: { labels: { app: "web" } },
  spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] },
};

export const namespaces: Namespace[] = ["default", "kube-node-lease", "kube-public", "kube-system"].map(
  (name) => ({
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name,
      creationTimestamp: ago(3 * 86400 + 7200),
      labels: { "kubernetes.io/metadata.name": name },
    },
    status: { phase: "Active" },
  }),
);

function node(name: string, ip: string, labels: Record<string, string>, ready: boolean): Node {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      creationTimestamp: ago(3 * 86400 + 7200),
      labels: { "kubernetes.io/hostname": name, ...labels },
    },
    spec: {},
    status: {
      conditions: [{ type: "Ready", status: ready ? "True" : "False" }],
      addresses: [
        { type: "InternalIP", address: ip },
        { type: "Hostname", address: name },
      ],
      nodeInfo: {
        kubeletVersion: "v1.32.0",
        osImage: "Debian GNU/Linux 12 (bookworm)",
        kernelVersion: "6.8.0-45-generic",
        containerRuntimeVersion: "containerd://1.7.24",
        architecture: "amd64",
        operatingSystem: "linux",
        bootID: "",
        machineID: "",
        systemUUID: "",
        kubeProxyVersion: "",
      },
    },
  };
}

export const nodes: Node[] = [
  node("control-plane", "172.18.0.2", { "node-role.kubernetes.io/control-plane": "" }, true),
  { ...node("worker-1", "172.18.0.3", {}, true), spec: { unschedulable: true } },
  node("worker-2", "172.18.0.4", {}, false),
];

export const deployment: Deployment = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "default", creationTimestamp: ago(300), labels: { app: "web" } },
  spec: { replicas: 3, selector: { matchLabels: { app: "web" } }, template: webTemplate },
  status: { replicas: 3, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2 },
};

export const replicaSet: ReplicaSet = {
  apiVersion: "apps/v1",
  kind: "ReplicaSet",
  metadata: { name: "web-7c5d8bf9f7", namespace: "default", creationTimestamp: ago(300), labels: webLabels },
  spec: {
    replicas: 3,
    selector: { matchLabels: webLabels },
    template: { ...webTemplate, metadata: { labels: webLabels } },
  },
  status: { replicas: 3, readyReplicas: 2, availableReplicas: 2 },
};

function webPod(suffix: string, ip: string, nodeName: string, ready: boolean): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: `web-7c5d8bf9f7-${suffix}`,
      namespace: "default",
      creationTimestamp: ago(300),
      labels: webLabels,
    },
    spec: { nodeName, containers: webTemplate.spec.containers },
    status: {
      phase: "Running",
      podIP: ip,
      podIPs: [{ ip }],
      conditions: [{ type: "Ready", status: ready ? "True" : "False" }],
      containerStatuses: [
        ready
          ? status({ name: "nginx", ready: true, state: running })
          : status({
              name: "nginx",
              restartCount: 4,
              state: { waiting: { reason: "CrashLoopBackOff" } },
              lastState: { terminated: { exitCode: 1, reason: "Error", finishedAt: ago(123) } },
            }),
      ],
    },
  };
}

export const pods: Pod[] = [
  webPod("4xkqz", "10.244.1.5", "worker-1", true),
  webPod("9bq2m", "10.244.2.3", "worker-2", true),
  webPod("tz6wd", "10.244.2.4", "worker-2", false),
];

export const coreDNSPod: Pod = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: {
    name: "coredns-668d6bf9bc-kvl2p",
    namespace: "kube-system",
    creationTimestamp: ago(3 * 86400 + 7000),
    labels: { "k8s-app": "kube-dns", "pod-template-hash": "668d6bf9bc" },
  },
  spec: {
    nodeName: "control-plane",
    containers: [{ name: "coredns", image: "registry.k8s.io/coredns/coredns:v1.11.3" }],
  },
  status: {
    phase: "Running",
    podIPs: [{ ip: "10.244.0.2" }],
    containerStatuses: [status({ name: "coredns", ready: true, state: running })],
  },
};

export const services: Service[] = [
  {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "kubernetes", namespace: "default", creationTimestamp: ago(3 * 86400 + 7200) },
    spec: {
      type: "ClusterIP",
      clusterIP: "10.96.0.1",
      clusterIPs: ["10.96.0.1"],
      ports: [{ port: 443, protocol: "TCP" }],
    },
  },
  {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "web", namespace: "default", creationTimestamp: ago(240), labels: { app: "web" } },
    spec: {
      type: "NodePort",
      clusterIP: "10.96.123.45",
      clusterIPs: ["10.96.123.45"],
      selector: { app: "web" },
      ports: [{ port: 80, nodePort: 30080, protocol: "TCP" }],
    },
  },
];

export const endpoints: Endpoints = {
  apiVersion: "v1",
  kind: "Endpoints",
  metadata: { name: "web", namespace: "default", creationTimestamp: ago(240) },
  subsets: [
    {
      addresses: ["10.244.1.5", "10.244.2.3", "10.244.2.4", "10.244.1.9"].map((ip) => ({ ip })),
      ports: [{ port: 80, protocol: "TCP" }],
    },
  ],
};

export const configMap: ConfigMap = {
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name: "kube-root-ca.crt", namespace: "default", creationTimestamp: ago(3 * 86400 + 7100) },
  data: { "ca.crt": "-----BEGIN CERTIFICATE-----" },
};

export const secret: Secret = {
  apiVersion: "v1",
  kind: "Secret",
  metadata: { name: "db-password", namespace: "default", creationTimestamp: ago(45) },
  type: "Opaque",
  data: { username: "YWRtaW4=", password: "czNjcjN0" },
};

export const jobs: Job[] = [
  {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name: "pi", namespace: "default", creationTimestamp: ago(200) },
    spec: {
      completions: 1,
      parallelism: 1,
      selector: { matchLabels: { "batch.kubernetes.io/controller-uid": "6f1c" } },
      template: { spec: { containers: [{ name: "pi", image: "perl:5.34.0" }] } },
    },
    status: {
      succeeded: 1,
      startTime: ago(200),
      completionTime: ago(150),
      conditions: [{ type: "Complete", status: "True" }],
    },
  },
  {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name: "hello-28574820", namespace: "default", creationTimestamp: ago(30) },
    spec: {
      completions: 3,
      parallelism: 1,
      template: { spec: { containers: [{ name: "hello", image: "busybox:1.28" }] } },
    },
    status: { active: 1, succeeded: 1, startTime: ago(30) },
  },
];

export const cronJob: CronJob = {
  apiVersion: "batch/v1",
  kind: "CronJob",
  metadata: { name: "hello", namespace: "default", creationTimestamp: ago(600) },
  spec: {
    schedule: "* * * * *",
    suspend: false,
    jobTemplate: { spec: { template: { spec: { containers: [{ name: "hello", image: "busybox:1.28" }] } } } },
  },
  status: { active: [{ kind: "Job", name: "hello-28574820" }], lastScheduleTime: ago(30) },
};

export const events: Event[] = [
  {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: "web-7c5d8bf9f7-4xkqz.17f0a", namespace: "default" },
    involvedObject: { kind: "Pod", name: "web-7c5d8bf9f7-4xkqz", namespace: "default" },
    reason: "Scheduled",
    message: "Successfully assigned default/web-7c5d8bf9f7-4xkqz to worker-1",
    type: "Normal",
    source: { component: "default-scheduler" },
    firstTimestamp: ago(300),
    lastTimestamp: ago(300),
    count: 1,
  },
  {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: "web-7c5d8bf9f7-tz6wd.17f0b", namespace: "default" },
    involvedObject: {
      kind: "Pod",
      name: "web-7c5d8bf9f7-tz6wd",
      namespace: "default",
      fieldPath: "spec.containers{nginx}",
    },
    reason: "BackOff",
    message: "Back-off restarting failed container nginx in pod web-7c5d8bf9f7-tz6wd_default(1f3c)",
    type: "Warning",
    source: { component: "kubelet", host: "worker-2" },
    firstTimestamp: ago(240),
    lastTimestamp: ago(12),
    count: 7,
  },
];
