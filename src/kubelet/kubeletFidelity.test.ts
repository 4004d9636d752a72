import { describe, expect, it } from "vitest";
import { createCluster } from "../cluster";

function cluster() {
  return createCluster({ seed: 1, nodes: 2 });
}

const row = (c: ReturnType<typeof cluster>, name: string) =>
  c.kubectl(`get pod ${name} --no-headers`).stdout.replace(/\s+/g, " ").trim();

function eventList(c: ReturnType<typeof cluster>): { reason: string; message: string }[] {
  return c.store
    .list("Event", "default")
    .map((e) => ({ reason: e.reason as string, message: e.message as string }));
}

function podYaml(name: string, containers: string, extra = ""): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${extra}  containers:\n${containers}`;
}

describe("in-place image change", () => {
  it("kills the container, pulls the new image and restarts it when kubectl set image changes it", () => {
    const c = cluster();
    c.kubectl("run web --image=nginx:1.26");
    c.advance(15);
    expect(row(c, "web")).toMatch(/^web 1\/1 Running 0 /);
    expect(c.kubectl("set image pod/web web=nginx:1.27").stdout).toBe("pod/web image updated\n");
    c.advance(15);
    expect(row(c, "web")).toMatch(/^web 1\/1 Running 1 \(\d+s ago\) /);
    const messages = eventList(c).map((e) => `${e.reason}: ${e.message}`);
    expect(messages).toContain("Killing: Container web definition changed, will be restarted");
    expect(messages).toContain('Pulling: Pulling image "nginx:1.27"');
    const status = c.store.get("Pod", "default", "web")!.status.containerStatuses[0];
    expect(status.image).toBe("docker.io/library/nginx:1.27");
    expect(status.restartCount).toBe(1);
    expect(status.lastState.terminated.reason).toBe("Completed");
  });

  it("recovers a pod stuck in ImagePullBackOff once the tag is fixed", () => {
    const c = cluster();
    c.kubectl("run web --image=nginx:1.999");
    c.advance(30);
    expect(row(c, "web")).toMatch(/^web 0\/1 ImagePullBackOff 0 /);
    c.kubectl("set image pod/web web=nginx:1.27");
    c.advance(10);
    expect(row(c, "web")).toMatch(/^web 1\/1 Running 0 /);
    expect(eventList(c).map((e) => e.message)).not.toContain(
      "Container web definition changed, will be restarted",
    );
  });
});

describe("in-place image change under other restart states", () => {
  it("restarts a changed container even under restartPolicy Never", () => {
    const c = cluster();
    c.kubectl("run once --image=nginx:1.26 --restart=Never");
    c.advance(15);
    c.kubectl("set image pod/once once=nginx:1.27");
    c.advance(15);
    expect(row(c, "once")).toMatch(/^once 1\/1 Running 1 /);
  });

  it("starts a crash-looping container at once with its new image instead of waiting out the back-off", () => {
    const c = cluster();
    c.kubectl("run crash --image=busybox:1.36 -- sh -c 'exit 1'");
    c.advance(60);
    expect(row(c, "crash")).toMatch(/CrashLoopBackOff/);
    c.kubectl("set image pod/crash crash=busybox:1.37");
    c.advance(3);
    const status = c.store.get("Pod", "default", "crash")!.status.containerStatuses[0];
    expect(status.image).toBe("docker.io/library/busybox:1.37");
    expect(status.state.waiting?.reason).not.toBe("CrashLoopBackOff");
  });

  it("waits out the grace period of a shell that ignores SIGTERM before restarting it", () => {
    const c = cluster();
    c.kubectl("run sleeper --image=busybox:1.36 -- sleep 3600");
    c.advance(10);
    c.kubectl("set image pod/sleeper sleeper=busybox:1.37");
    c.advance(20);
    expect(row(c, "sleeper")).toMatch(/^sleeper 1\/1 Running 0 /);
    c.advance(20);
    const status = c.store.get("Pod", "default", "sleeper")!.status.containerStatuses[0];
    expect(status.restartCount).toBe(1);
    expect(status.lastState.terminated).toMatchObject({ exitCode: 137, reason: "Error" });
  });
});

describe("init container readiness", () => {
  it("reports ready false while an init container runs and true once it completed", () => {
    const c = cluster();
    c.kubectl(
      "apply -f -",
      podYaml(
        "p",
        "  - name: app\n    image: nginx:1.27\n",
        "  initContainers:\n  - name: setup\n    image: busybox:1.36\n    command: [sh, -c, 'sleep 5']\n",
      ),
    );
    c.advance(4);
    const init = () => c.store.get("Pod", "default", "p")!.status.initContainerStatuses[0];
    expect(init().state.running).toBeDefined();
    expect(init().ready).toBe(false);
    c.advance(10);
    expect(init().state.terminated.exitCode).toBe(0);
    expect(init().ready).toBe(true);
  });
});

const LIVENESS_EXEC = `apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox:1.27.2
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
    livenessProbe:
      exec:
        command:
        - cat
        - /tmp/healthy
      initialDelaySeconds: 5
      periodSeconds: 5
`;

describe("the container file system", () => {
  it("runs the kubernetes.io exec liveness example as documented", () => {
    const c = cluster();
    c.kubectl("apply -f -", LIVENESS_EXEC);
    c.advance(30);
    expect(eventList(c).filter((e) => e.reason === "Unhealthy")).toEqual([]);
    c.advance(15);
    const unhealthy = eventList(c).filter((e) => e.reason === "Unhealthy");
    expect(unhealthy.length).toBeGreaterThan(0);
    expect(unhealthy[0].message.trim()).toBe(
      "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
    );
    expect(c.kubectl("describe pod liveness-exec").stdout).toMatch(/Unhealthy .*x3 over/);
    expect(eventList(c).map((e) => e.message)).toContain(
      "Container liveness failed liveness probe, will be restarted",
    );
  });

  it("puts what the container wrote to /dev/termination-log into the terminated state's message", () => {
    const c = cluster();
    c.kubectl(
      "apply -f -",
      podYaml(
        "t",
        "  - name: main\n    image: busybox:1.36\n    command: [sh, -c, 'echo Sleep expired > /dev/termination-log; exit 3']\n",
        "  restartPolicy: Never\n",
      ),
    );
    c.advance(10);
    const s = c.store.get("Pod", "default", "t")!.status.containerStatuses[0];
    expect(s.state.terminated).toMatchObject({ exitCode: 3, reason: "Error", message: "Sleep expired\n" });
  });

  it("falls back to the log tail on error with terminationMessagePolicy FallbackToLogsOnError", () => {
    const c = cluster();
    c.kubectl(
      "apply -f -",
      podYaml(
        "f",
        "  - name: main\n    image: busybox:1.36\n    terminationMessagePolicy: FallbackToLogsOnError\n    command: [sh, -c, 'echo starting; echo boom >&2; exit 1']\n",
        "  restartPolicy: Never\n",
      ),
    );
    c.advance(10);
    const s = c.store.get("Pod", "default", "f")!.status.containerStatuses[0];
    expect(s.state.terminated.message).toBe("starting\nboom\n");
  });

  it("mounts the pod's namespace at the service account path", () => {
    const c = cluster();
    c.kubectl(
      "apply -f -",
      podYaml(
        "ns",
        "  - name: main\n    image: busybox:1.36\n    command: [sh, -c, 'cat /var/run/secrets/kubernetes.io/serviceaccount/namespace']\n",
        "  restartPolicy: Never\n",
      ),
    );
    c.advance(10);
    // containerd ends the unterminated last line as a full one.
    expect(c.kubectl("logs ns").stdout).toBe("default\n");
  });
});

describe("mounted ConfigMap and Secret files", () => {
  it("lets the container cat files of its ConfigMap and Secret volumes", () => {
    const c = cluster();
    c.kubectl("create configmap game --from-literal=lives=3");
    c.kubectl("create secret generic creds --from-literal=password=s3cret");
    c.kubectl(
      "apply -f -",
      podYaml(
        "reader",
        "  - name: main\n    image: busybox:1.36\n    command: [sh, -c, 'cat /etc/game/lives; echo; cat /etc/creds/password; echo']\n    volumeMounts:\n    - name: game\n      mountPath: /etc/game\n    - name: creds\n      mountPath: /etc/creds\n",
        "  restartPolicy: Never\n  volumes:\n  - name: game\n    configMap:\n      name: game\n  - name: creds\n    secret:\n      secretName: creds\n",
      ),
    );
    c.advance(10);
    expect(c.kubectl("logs reader").stdout).toBe("3\ns3cret\n");
  });
});

describe("status reporting follows PLEG's one-second relist", () => {
  it("reports a started container as Running at the next whole second, after its Started event", () => {
    const c = cluster();
    c.kubectl("run web --image=nginx:1.27");
    const started = () =>
      c.store.list("Event", "default").find((e) => e.reason === "Started" && e.involvedObject.name === "web");
    while (!started()) c.step();
    const startedAt = c.now();
    expect(startedAt % 1000).not.toBe(0);
    expect(c.store.get("Pod", "default", "web")!.status.phase).toBe("Pending");
    c.advance((1000 - (startedAt % 1000)) / 1000);
    const status = c.store.get("Pod", "default", "web")!.status;
    expect(status.phase).toBe("Running");
    const ready = status.conditions.find((x: { type: string }) => x.type === "Ready");
    expect(ready.status).toBe("True");
    expect(Date.parse(ready.lastTransitionTime)).toBe(startedAt - (startedAt % 1000) + 1000);
  });

  it("writes a pod's first status at once, without waiting for a relist", () => {
    const c = cluster();
    c.kubectl("run web --image=nginx:1.27");
    c.advance(0.001);
    expect(c.store.get("Pod", "default", "web")!.status.conditions).toContainEqual(
      expect.objectContaining({ type: "PodScheduled", status: "True" }),
    );
    expect(c.store.get("Pod", "default", "web")!.status.hostIP).toBeDefined();
  });
});
