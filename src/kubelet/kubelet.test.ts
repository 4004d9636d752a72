import { describe, expect, it } from "vitest";
import { createCluster } from "../cluster";
import { piDigits } from "../images/pi";

function cluster() {
  const c = createCluster({ seed: 1, nodes: 2 });
  if (!c.store.get("Node", "", "node-1")) {
    c.api.create({
      apiVersion: "v1",
      kind: "Node",
      metadata: { name: "node-1" },
      spec: { podCIDR: "10.244.1.0/24" },
    });
  }
  return c;
}

function pod(name: string, containers: string, extra = ""): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  nodeName: node-1\n${extra}  containers:\n${containers}`;
}

const row = (c: ReturnType<typeof cluster>, name: string) =>
  c.kubectl(`get pod ${name} --no-headers`).stdout.replace(/\s+/g, " ").trim();

describe("kubelet", () => {
  it("takes an nginx pod from ContainerCreating to Running 1/1 with the kubelet's events", () => {
    const c = cluster();
    c.kubectl("apply -f -", pod("web", "  - name: nginx\n    image: nginx:1.27.4\n"));
    expect(row(c, "web")).toBe("web 0/1 ContainerCreating 0 0s");
    c.advance(10);
    expect(row(c, "web")).toBe("web 1/1 Running 0 10s");
    const status = c.store.get("Pod", "default", "web")!.status;
    expect(status.podIP).toBe("10.244.1.2");
    expect(status.containerStatuses[0].imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(status.containerStatuses[0].containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    const events = c.kubectl("get events").stdout;
    expect(events).toContain('Pulling image "nginx:1.27.4"');
    expect(events).toMatch(
      /Successfully pulled image "nginx:1\.27\.4" in [\d.]+s \([\d.]+s including waiting\)\. Image size: 72195292 bytes\./,
    );
    expect(events).toContain("Created container nginx");
    expect(events).toContain("Started container nginx");
  });

  it("runs the pi Job pod to completion and kubectl logs prints 2000 digits of π", () => {
    const c = cluster();
    const container = `  - name: pi\n    image: perl:5.34.0\n    command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]\n`;
    c.kubectl("apply -f -", pod("pi", container, "  restartPolicy: Never\n"));
    c.advance(60);
    expect(row(c, "pi")).toMatch(/^pi 0\/1 Completed 0 /);
    expect(c.kubectl("logs pi").stdout).toBe(`${piDigits(2000)}\n`);
  });

  it("reports ErrImagePull, then ImagePullBackOff, for a tag that does not exist", () => {
    const c = cluster();
    c.kubectl("apply -f -", pod("bad", "  - name: nginx\n    image: nginx:1.999\n"));
    c.advance(3);
    expect(row(c, "bad")).toBe("bad 0/1 ErrImagePull 0 3s");
    c.advance(2);
    expect(row(c, "bad")).toBe("bad 0/1 ImagePullBackOff 0 5s");
    const waiting = c.store.get("Pod", "default", "bad")!.status.containerStatuses[0].state.waiting;
    expect(waiting.message).toMatch(
      /^Back-off pulling image "nginx:1\.999": ErrImagePull: rpc error: code = NotFound/,
    );
    const events = c.kubectl("get events").stdout;
    expect(events).toContain("Error: ErrImagePull");
    expect(events).toContain('Back-off pulling image "nginx:1.999"');
    expect(events).toContain("Error: ImagePullBackOff");
    expect(c.kubectl("logs bad").stderr).toBe(
      'Error from server (BadRequest): container "nginx" in pod "bad" is waiting to start: trying and failing to pull image\n',
    );
  });

  it("backs a crashing container off 10s, 20s, 40s: CrashLoopBackOff with RESTARTS 3 (20s ago)", () => {
    const c = cluster();
    const container = `  - name: crash\n    image: busybox:1.36\n    command: ["sh", "-c", "echo oops; exit 1"]\n`;
    c.kubectl("apply -f -", pod("crash", container));
    const finishes: number[] = [];
    let last = "";
    for (let i = 0; i < 120 && finishes.length < 4; i++) {
      c.advance(1);
      const s = c.store.get("Pod", "default", "crash")!.status.containerStatuses?.[0];
      const f = s?.lastState?.terminated?.finishedAt ?? s?.state?.terminated?.finishedAt;
      if (f && f !== last) {
        last = f;
        finishes.push(Date.parse(f));
      }
    }
    const gaps = finishes.slice(1).map((t, i) => Math.round((t - finishes[i]) / 1000));
    // Each gap is the back-off plus the image check and start (busybox:1.36 is cached: ~1s).
    expect(gaps).toEqual([1, 11, 21]);
    c.advance((finishes[3] + 20_000 - c.now()) / 1000);
    expect(row(c, "crash")).toMatch(/^crash 0\/1 CrashLoopBackOff 3 \(20s ago\) /);
    expect(c.kubectl("logs crash --previous").stdout).toBe("oops\n");
    expect(c.kubectl("get events").stdout).toContain(
      "Back-off restarting failed container crash in pod crash_default(",
    );
  });

  it("runs init containers in order: Init:0/2, Init:1/2, PodInitializing, Running", () => {
    const c = cluster();
    const init = `  initContainers:\n  - name: a\n    image: busybox:1.36\n    command: ["sh", "-c", "sleep 5"]\n  - name: b\n    image: busybox:1.36\n    command: ["sh", "-c", "sleep 5"]\n`;
    c.kubectl("apply -f -", pod("init", "  - name: nginx\n    image: nginx:1.27.4\n", init));
    c.advance(3);
    expect(row(c, "init")).toMatch(/^init 0\/1 Init:0\/2 0 /);
    c.advance(6);
    expect(row(c, "init")).toMatch(/^init 0\/1 Init:1\/2 0 /);
    c.advance(6);
    expect(row(c, "init")).toMatch(/^init 0\/1 PodInitializing 0 /);
    c.advance(10);
    expect(row(c, "init")).toMatch(/^init 1\/1 Running 0 /);
  });

  it("keeps a pod whose shell ignores SIGTERM Terminating for its grace period, then removes it", () => {
    const c = cluster();
    const container = `  - name: sleeper\n    image: busybox:1.36\n    command: ["sh", "-c", "sleep 3600"]\n`;
    c.kubectl("apply -f -", pod("sleeper", container, "  terminationGracePeriodSeconds: 10\n"));
    c.advance(10);
    c.kubectl("delete pod sleeper --wait=false");
    c.advance(9);
    expect(row(c, "sleeper")).toMatch(/^sleeper 1\/1 Terminating 0 /);
    c.advance(2);
    expect(c.kubectl("get pod sleeper").stderr).toBe(
      'Error from server (NotFound): pods "sleeper" not found\n',
    );
  });

  it("stops nginx within a second of its deletion", () => {
    const c = cluster();
    c.kubectl("apply -f -", pod("web", "  - name: nginx\n    image: nginx:1.27.4\n"));
    c.advance(10);
    c.kubectl("delete pod web --wait=false");
    c.advance(1);
    expect(c.store.get("Pod", "default", "web")).toBeUndefined();
  });

  it("restarts a container whose liveness probe targets a port nothing listens on", () => {
    const c = cluster();
    const container = `  - name: nginx\n    image: nginx:1.27.4\n    livenessProbe:\n      httpGet:\n        port: 8080\n      periodSeconds: 5\n`;
    c.kubectl("apply -f -", pod("live", container));
    c.advance(30);
    const events = c.kubectl("get events").stdout;
    expect(events).toContain(
      'Liveness probe failed: Get "http://10.244.1.2:8080/": dial tcp 10.244.1.2:8080: connect: connection refused',
    );
    expect(events).toContain("Container nginx failed liveness probe, will be restarted");
    expect(c.store.get("Pod", "default", "live")!.status.containerStatuses[0].restartCount).toBe(1);
  });
});
