import { describe, expect, it } from "vitest";
import { createCluster } from "../cluster";

/** The kubernetes.io "Assign Memory Resources" examples: stress within and over the limit. */
function memoryDemo(name: string, limit: string, bytes: string): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: ${name}-ctr
    image: polinux/stress
    resources:
      requests:
        memory: "50Mi"
      limits:
        memory: "${limit}"
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "${bytes}", "--vm-hang", "1"]
`;
}

const row = (c: ReturnType<typeof createCluster>, name: string) =>
  c.kubectl(`get pod ${name} --no-headers`).stdout.replace(/\s+/g, " ").trim();

describe("a container over its memory limit is OOMKilled", () => {
  it("runs stress within the limit", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    c.kubectl("apply -f -", memoryDemo("memory-demo", "200Mi", "150M"));
    c.advance(20);
    expect(row(c, "memory-demo")).toMatch(/^memory-demo 1\/1 Running 0 /);
    expect(c.kubectl("logs memory-demo").stdout).toBe(
      "stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\n",
    );
  });

  it("kills stress allocating past the limit, then backs off restarting it", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    c.kubectl("apply -f -", memoryDemo("memory-demo-2", "100Mi", "250M"));
    let seen = "";
    for (let s = 0; s < 15 && !seen.includes("OOMKilled"); s++) {
      c.advance(1);
      seen = row(c, "memory-demo-2");
    }
    expect(seen).toMatch(/^memory-demo-2 0\/1 OOMKilled 0 /);
    c.advance(60);
    expect(row(c, "memory-demo-2")).toMatch(/^memory-demo-2 0\/1 (CrashLoopBackOff|OOMKilled) [2-9] /);
    const status = c.store.get("Pod", "default", "memory-demo-2")!.status.containerStatuses[0];
    expect(status.lastState.terminated).toMatchObject({ exitCode: 137, reason: "OOMKilled" });
    expect(c.kubectl("describe pod memory-demo-2").stdout).toMatch(
      /Last State: {5}Terminated\n\s+Reason: {7}OOMKilled\n\s+Exit Code: {4}137/,
    );
  });
});
