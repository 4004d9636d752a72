import { describe, expect, it } from "vitest";
import { createCluster } from "../cluster";

const status = (c: ReturnType<typeof createCluster>, name: string) =>
  c.kubectl(`get pod ${name} --no-headers`).stdout.split(/\s+/)[2];

const INIT_EXAMPLE = `apiVersion: v1
kind: Pod
metadata:
  name: myapp-pod
  labels:
    app.kubernetes.io/name: MyApp
spec:
  containers:
  - name: myapp-container
    image: busybox:1.28
    command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
  - name: init-myservice
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done"]
  - name: init-mydb
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup mydb.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for mydb; sleep 2; done"]
`;

const service = (name: string, port: number) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  ports:
  - protocol: TCP
    port: 80
    targetPort: ${port}
`;

describe("kubernetes.io init containers example", () => {
  it("waits in Init:0/2, then Init:1/2, then runs once both Services exist", () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    c.kubectl("apply -f -", INIT_EXAMPLE);
    c.advance(20);
    expect(status(c, "myapp-pod")).toBe("Init:0/2");
    expect(c.kubectl("logs myapp-pod -c init-myservice").stdout).toContain(
      "** server can't find myservice.default.svc.cluster.local: NXDOMAIN\n",
    );
    expect(c.kubectl("logs myapp-pod -c init-myservice").stdout).toContain("waiting for myservice\n");
    c.kubectl("apply -f -", service("myservice", 9376));
    c.advance(5);
    expect(status(c, "myapp-pod")).toBe("Init:1/2");
    const ip = c.store.get("Service", "default", "myservice")!.spec.clusterIP;
    expect(c.kubectl("logs myapp-pod -c init-myservice").stdout).toContain(
      `Name:\tmyservice.default.svc.cluster.local\nAddress: ${ip}\n`,
    );
    c.kubectl("apply -f -", service("mydb", 9377));
    const seen: string[] = [];
    for (let i = 0; i < 40; i++) {
      c.advance(0.25);
      const now = status(c, "myapp-pod");
      if (seen[seen.length - 1] !== now) seen.push(now);
    }
    expect(seen).toEqual(["Init:1/2", "PodInitializing", "Running"]);
    expect(c.kubectl("logs myapp-pod").stdout).toBe("The app is running!\n");
  });
});

const HTTP_LIVENESS = `apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-http
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/e2e-test-images/agnhost:2.40
    args:
    - liveness
    livenessProbe:
      httpGet:
        path: /healthz
        port: 8080
        httpHeaders:
        - name: Custom-Header
          value: Awesome
      initialDelaySeconds: 3
      periodSeconds: 3
`;

describe("kubernetes.io http liveness example", () => {
  it("answers /healthz for 10 seconds, then fails with status 500 and is restarted", () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    c.kubectl("apply -f -", HTTP_LIVENESS);
    c.advance(12);
    const messages = () => c.store.list("Event", "default").map((e) => e.message as string);
    expect(messages().filter((m) => m.startsWith("Liveness probe failed"))).toEqual([]);
    c.advance(20);
    expect(messages()).toContain("Liveness probe failed: HTTP probe failed with statuscode: 500");
    expect(messages()).toContain("Container liveness failed liveness probe, will be restarted");
  });
});
