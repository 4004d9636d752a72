// Golden multi-kind output, as printed by a real kubectl 1.32 for the same rows.
import { describe, expect, it } from "vitest";
import { multipleKinds, printObjects, type ObjectsOptions } from "./printObjects";
import * as cluster from "./testCluster";
import { NOW } from "./testObjects";

function lines(...rows: string[]): string {
  return `${rows.join("\n")}\n`;
}

function print(objects: object[], options: Partial<ObjectsOptions> = {}): string {
  return printObjects(objects, { nowMs: NOW, ...options });
}

describe("printObjects", () => {
  it("prints one table per kind, separated by a blank line, with kind-prefixed names", () => {
    const objects = [cluster.deployment, cluster.replicaSet, ...cluster.services, cluster.endpoints];
    expect(print(objects)).toBe(
      lines(
        "NAME                  READY   UP-TO-DATE   AVAILABLE   AGE",
        "deployment.apps/web   2/3     3            2           5m",
        "",
        "NAME                             DESIRED   CURRENT   READY   AGE",
        "replicaset.apps/web-7c5d8bf9f7   3         3         2       5m",
        "",
        "NAME                 TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)        AGE",
        "service/kubernetes   ClusterIP   10.96.0.1      <none>        443/TCP        3d2h",
        "service/web          NodePort    10.96.123.45   <none>        80:30080/TCP   4m",
        "",
        "NAME            ENDPOINTS                                               AGE",
        "endpoints/web   10.244.1.5:80,10.244.2.3:80,10.244.2.4:80 + 1 more...   4m",
      ),
    );
  });

  it("prints a single kind without the kind prefix, even for `get all`", () => {
    expect(print([cluster.services[0]])).toBe(
      lines(
        "NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE",
        "kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   3d2h",
      ),
    );
  });

  it("prefixes a single kind with --show-kind", () => {
    expect(print([cluster.configMap], { showKind: true })).toBe(
      lines("NAME                         DATA   AGE", "configmap/kube-root-ca.crt   1      3d1h"),
    );
  });

  it("drops the blank lines along with the headers with --no-headers", () => {
    expect(print([cluster.deployment, ...cluster.services], { noHeaders: true })).toBe(
      lines(
        "deployment.apps/web   2/3   3     2     5m",
        "service/kubernetes   ClusterIP   10.96.0.1      <none>   443/TCP        3d2h",
        "service/web          NodePort    10.96.123.45   <none>   80:30080/TCP   4m",
      ),
    );
  });

  it("adds NAMESPACE per table with -A, using the API group in the prefix", () => {
    expect(print([...cluster.jobs, cluster.cronJob], { withNamespace: true })).toBe(
      lines(
        "NAMESPACE   NAME                       STATUS     COMPLETIONS   DURATION   AGE",
        "default     job.batch/pi               Complete   1/1           50s        3m20s",
        "default     job.batch/hello-28574820   Running    1/3           30s        30s",
        "",
        "NAMESPACE   NAME                  SCHEDULE    TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE",
        "default     cronjob.batch/hello   * * * * *   <none>     False     1        30s             10m",
      ),
    );
  });

  it("leaves NAMESPACE off cluster-scoped kinds printed first with -A", () => {
    expect(print([cluster.nodes[0], cluster.coreDNSPod], { withNamespace: true })).toBe(
      lines(
        "NAME                 STATUS   ROLES           AGE    VERSION",
        "node/control-plane   Ready    control-plane   3d2h   v1.32.0",
        "",
        "NAMESPACE     NAME                           READY   STATUS    RESTARTS   AGE",
        "kube-system   pod/coredns-668d6bf9bc-kvl2p   1/1     Running   0          3d1h",
      ),
    );
  });

  it("keeps an empty NAMESPACE column on cluster-scoped kinds printed after a namespaced one, as kubectl does", () => {
    expect(print([cluster.coreDNSPod, cluster.nodes[0]], { withNamespace: true })).toBe(
      lines(
        "NAMESPACE     NAME                           READY   STATUS    RESTARTS   AGE",
        "kube-system   pod/coredns-668d6bf9bc-kvl2p   1/1     Running   0          3d1h",
        "",
        "NAMESPACE   NAME                 STATUS   ROLES           AGE    VERSION",
        "            node/control-plane   Ready    control-plane   3d2h   v1.32.0",
      ),
    );
  });

  it("prints nothing when there is nothing to print", () => {
    expect(print([])).toBe("");
  });
});

describe("multipleKinds", () => {
  it("is true only when objects span more than one kind", () => {
    expect(multipleKinds(cluster.pods)).toBe(false);
    expect(multipleKinds([cluster.deployment, cluster.replicaSet])).toBe(true);
    expect(multipleKinds([])).toBe(false);
  });
});
