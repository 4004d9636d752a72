// Golden tables: every expected text below was printed by a real kubectl 1.32 from these same
// objects' rows (served as a metav1.Table by a stub apiserver), so they pin the layout.
import { describe, expect, it } from "vitest";
import { printTable, sanitizeCell, type TableOptions } from "./table";
import * as cluster from "./testCluster";
import { NOW } from "./testObjects";

const allPods = [...cluster.pods, cluster.coreDNSPod];

function lines(...rows: string[]): string {
  return `${rows.join("\n")}\n`;
}

function print(kind: string, objects: object[], options: Partial<TableOptions> = {}): string {
  return printTable(kind, objects, { nowMs: NOW, ...options });
}

describe("kubectl get pods", () => {
  it("prints READY, STATUS, RESTARTS with the last restart's age, and AGE", () => {
    expect(print("Pod", allPods)).toBe(
      lines(
        "NAME                       READY   STATUS             RESTARTS       AGE",
        "web-7c5d8bf9f7-4xkqz       1/1     Running            0              5m",
        "web-7c5d8bf9f7-9bq2m       1/1     Running            0              5m",
        "web-7c5d8bf9f7-tz6wd       0/1     CrashLoopBackOff   4 (2m3s ago)   5m",
        "coredns-668d6bf9bc-kvl2p   1/1     Running            0              3d1h",
      ),
    );
  });

  it("adds IP, NODE, NOMINATED NODE and READINESS GATES with -o wide", () => {
    expect(print("Pod", allPods, { wide: true })).toBe(
      lines(
        "NAME                       READY   STATUS             RESTARTS       AGE    IP           NODE            NOMINATED NODE   READINESS GATES",
        "web-7c5d8bf9f7-4xkqz       1/1     Running            0              5m     10.244.1.5   worker-1        <none>           <none>",
        "web-7c5d8bf9f7-9bq2m       1/1     Running            0              5m     10.244.2.3   worker-2        <none>           <none>",
        "web-7c5d8bf9f7-tz6wd       0/1     CrashLoopBackOff   4 (2m3s ago)   5m     10.244.2.4   worker-2        <none>           <none>",
        "coredns-668d6bf9bc-kvl2p   1/1     Running            0              3d1h   10.244.0.2   control-plane   <none>           <none>",
      ),
    );
  });

  it("adds a LABELS column with sorted labels with --show-labels", () => {
    expect(print("Pod", allPods, { showLabels: true })).toBe(
      lines(
        "NAME                       READY   STATUS             RESTARTS       AGE    LABELS",
        "web-7c5d8bf9f7-4xkqz       1/1     Running            0              5m     app=web,pod-template-hash=7c5d8bf9f7",
        "web-7c5d8bf9f7-9bq2m       1/1     Running            0              5m     app=web,pod-template-hash=7c5d8bf9f7",
        "web-7c5d8bf9f7-tz6wd       0/1     CrashLoopBackOff   4 (2m3s ago)   5m     app=web,pod-template-hash=7c5d8bf9f7",
        "coredns-668d6bf9bc-kvl2p   1/1     Running            0              3d1h   k8s-app=kube-dns,pod-template-hash=668d6bf9bc",
      ),
    );
  });

  it("adds one column per -L key, empty (with padding) where the label is missing", () => {
    expect(print("Pod", allPods, { labelColumns: ["app", "tier"] })).toBe(
      lines(
        "NAME                       READY   STATUS             RESTARTS       AGE    APP   TIER",
        "web-7c5d8bf9f7-4xkqz       1/1     Running            0              5m     web   ",
        "web-7c5d8bf9f7-9bq2m       1/1     Running            0              5m     web   ",
        "web-7c5d8bf9f7-tz6wd       0/1     CrashLoopBackOff   4 (2m3s ago)   5m     web   ",
        "coredns-668d6bf9bc-kvl2p   1/1     Running            0              3d1h         ",
      ),
    );
  });

  it("names -L columns after the last segment of a prefixed key", () => {
    const header = print("Pod", allPods, { labelColumns: ["app.kubernetes.io/name"] }).split("\n")[0];
    expect(header.endsWith("AGE    NAME")).toBe(true);
  });

  it("puts NAMESPACE first with -A", () => {
    expect(print("Pod", allPods, { withNamespace: true })).toBe(
      lines(
        "NAMESPACE     NAME                       READY   STATUS             RESTARTS       AGE",
        "default       web-7c5d8bf9f7-4xkqz       1/1     Running            0              5m",
        "default       web-7c5d8bf9f7-9bq2m       1/1     Running            0              5m",
        "default       web-7c5d8bf9f7-tz6wd       0/1     CrashLoopBackOff   4 (2m3s ago)   5m",
        "kube-system   coredns-668d6bf9bc-kvl2p   1/1     Running            0              3d1h",
      ),
    );
  });

  it("drops the header and lets short columns shrink to the minimum width with --no-headers", () => {
    expect(print("Pod", allPods, { noHeaders: true })).toBe(
      lines(
        "web-7c5d8bf9f7-4xkqz       1/1   Running            0              5m",
        "web-7c5d8bf9f7-9bq2m       1/1   Running            0              5m",
        "web-7c5d8bf9f7-tz6wd       0/1   CrashLoopBackOff   4 (2m3s ago)   5m",
        "coredns-668d6bf9bc-kvl2p   1/1   Running            0              3d1h",
      ),
    );
  });

  it("keeps the trailing padding of the last filled column when an empty -L column ends the line", () => {
    expect(print("Pod", allPods, { withNamespace: true, noHeaders: true, labelColumns: ["tier"] })).toBe(
      lines(
        "default       web-7c5d8bf9f7-4xkqz       1/1   Running            0              5m     ",
        "default       web-7c5d8bf9f7-9bq2m       1/1   Running            0              5m     ",
        "default       web-7c5d8bf9f7-tz6wd       0/1   CrashLoopBackOff   4 (2m3s ago)   5m     ",
        "kube-system   coredns-668d6bf9bc-kvl2p   1/1   Running            0              3d1h   ",
      ),
    );
  });

  it("prefixes names with the kind when asked to", () => {
    expect(print("Pod", [cluster.pods[0]], { withKind: true })).toBe(
      lines(
        "NAME                       READY   STATUS    RESTARTS   AGE",
        "pod/web-7c5d8bf9f7-4xkqz   1/1     Running   0          5m",
      ),
    );
  });

  it("prints nothing at all for no objects", () => {
    expect(print("Pod", [])).toBe("");
  });
});

describe("kubectl get for workloads", () => {
  it("prints deployments with READY ready/desired and, wide, CONTAINERS IMAGES SELECTOR", () => {
    expect(print("Deployment", [cluster.deployment], { wide: true })).toBe(
      lines(
        "NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR",
        "web    2/3     3            2           5m    nginx        nginx:1.27   app=web",
      ),
    );
  });

  it("prints replica sets with DESIRED CURRENT READY", () => {
    expect(print("ReplicaSet", [cluster.replicaSet], { wide: true })).toBe(
      lines(
        "NAME             DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR",
        "web-7c5d8bf9f7   3         3         2       5m    nginx        nginx:1.27   app=web,pod-template-hash=7c5d8bf9f7",
      ),
    );
  });

  it("prints jobs with STATUS, COMPLETIONS and DURATION", () => {
    expect(print("Job", cluster.jobs, { wide: true })).toBe(
      lines(
        "NAME             STATUS     COMPLETIONS   DURATION   AGE     CONTAINERS   IMAGES         SELECTOR",
        "pi               Complete   1/1           50s        3m20s   pi           perl:5.34.0    batch.kubernetes.io/controller-uid=6f1c",
        "hello-28574820   Running    1/3           30s        30s     hello        busybox:1.28   <none>",
      ),
    );
  });

  it("prints cron jobs with TIMEZONE, SUSPEND, ACTIVE and LAST SCHEDULE", () => {
    expect(print("CronJob", [cluster.cronJob])).toBe(
      lines(
        "NAME    SCHEDULE    TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE",
        "hello   * * * * *   <none>     False     1        30s             10m",
      ),
    );
  });
});

describe("kubectl get for networking, config and cluster kinds", () => {
  it("prints services with ports and, wide, the selector", () => {
    expect(print("Service", cluster.services, { wide: true })).toBe(
      lines(
        "NAME         TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)        AGE    SELECTOR",
        "kubernetes   ClusterIP   10.96.0.1      <none>        443/TCP        3d2h   <none>",
        "web          NodePort    10.96.123.45   <none>        80:30080/TCP   4m     app=web",
      ),
    );
  });

  it("prints three endpoints and counts the rest", () => {
    expect(print("Endpoints", [cluster.endpoints])).toBe(
      lines(
        "NAME   ENDPOINTS                                               AGE",
        "web    10.244.1.5:80,10.244.2.3:80,10.244.2.4:80 + 1 more...   4m",
      ),
    );
  });

  it("prints nodes with status, roles and, wide, addresses and runtime", () => {
    expect(print("Node", cluster.nodes, { wide: true })).toBe(
      lines(
        "NAME            STATUS                     ROLES           AGE    VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION     CONTAINER-RUNTIME",
        "control-plane   Ready                      control-plane   3d2h   v1.32.0   172.18.0.2    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-45-generic   containerd://1.7.24",
        "worker-1        Ready,SchedulingDisabled   <none>          3d2h   v1.32.0   172.18.0.3    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-45-generic   containerd://1.7.24",
        "worker-2        NotReady                   <none>          3d2h   v1.32.0   172.18.0.4    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-45-generic   containerd://1.7.24",
      ),
    );
  });

  it("never adds NAMESPACE to a cluster-scoped kind", () => {
    expect(print("Namespace", cluster.namespaces, { withNamespace: true })).toBe(
      lines(
        "NAME              STATUS   AGE",
        "default           Active   3d2h",
        "kube-node-lease   Active   3d2h",
        "kube-public       Active   3d2h",
        "kube-system       Active   3d2h",
      ),
    );
  });

  it("prints events with the involved object as kind/name", () => {
    expect(print("Event", cluster.events)).toBe(
      lines(
        "LAST SEEN   TYPE      REASON      OBJECT                     MESSAGE",
        "5m          Normal    Scheduled   pod/web-7c5d8bf9f7-4xkqz   Successfully assigned default/web-7c5d8bf9f7-4xkqz to worker-1",
        "12s         Warning   BackOff     pod/web-7c5d8bf9f7-tz6wd   Back-off restarting failed container nginx in pod web-7c5d8bf9f7-tz6wd_default(1f3c)",
      ),
    );
  });

  it("prints events wide with SUBOBJECT, SOURCE, FIRST SEEN, COUNT and NAME", () => {
    expect(print("Event", cluster.events, { wide: true })).toBe(
      lines(
        "LAST SEEN   TYPE      REASON      OBJECT                     SUBOBJECT                SOURCE              MESSAGE                                                                                FIRST SEEN   COUNT   NAME",
        "5m          Normal    Scheduled   pod/web-7c5d8bf9f7-4xkqz                            default-scheduler   Successfully assigned default/web-7c5d8bf9f7-4xkqz to worker-1                         5m           1       web-7c5d8bf9f7-4xkqz.17f0a",
        "12s         Warning   BackOff     pod/web-7c5d8bf9f7-tz6wd   spec.containers{nginx}   kubelet, worker-2   Back-off restarting failed container nginx in pod web-7c5d8bf9f7-tz6wd_default(1f3c)   4m           7       web-7c5d8bf9f7-tz6wd.17f0b",
      ),
    );
  });

  it("prints config maps and secrets with their DATA counts", () => {
    expect(print("ConfigMap", [cluster.configMap])).toBe(
      lines("NAME               DATA   AGE", "kube-root-ca.crt   1      3d1h"),
    );
    expect(print("Secret", [cluster.secret])).toBe(
      lines("NAME          TYPE     DATA   AGE", "db-password   Opaque   2      45s"),
    );
  });

  it("falls back to the apiserver's NAME and CREATED AT for kinds without columns", () => {
    const role = {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "Role",
      metadata: {
        name: "reader",
        namespace: "default",
        creationTimestamp: cluster.secret.metadata?.creationTimestamp,
      },
    };
    expect(print("Role", [role], { withKind: true })).toBe(
      lines(
        "NAME                                    CREATED AT",
        "role.rbac.authorization.k8s.io/reader   2024-05-01T11:59:15Z",
      ),
    );
  });
});

describe("sanitizeCell", () => {
  it("cuts a cell at its first line break and marks the cut", () => {
    expect(sanitizeCell("Multi\nline")).toBe("Multi...");
    expect(sanitizeCell("cr\rx")).toBe("cr...");
    expect(sanitizeCell("form\ffeed")).toBe("form...");
  });

  it("makes terminal escapes visible", () => {
    expect(sanitizeCell("Esc\x1b[31mred")).toBe("Esc^[[31mred");
  });

  it("cuts multi-line event messages in the table", () => {
    const event = { ...cluster.events[0], message: "first line\nsecond line" };
    expect(print("Event", [event]).split("\n")[1].endsWith("first line...")).toBe(true);
  });
});
