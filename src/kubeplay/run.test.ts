import { describe, expect, it } from "vitest";
import { createCluster } from "../cluster";
import { parseDuration } from "./duration";
import { runKubeplay } from "./run";

const start = "2026-01-05T10:00:00Z";

describe("runKubeplay", () => {
  it("lists its commands under help and says it is not kubectl", () => {
    const result = runKubeplay(createCluster(), "kubeplay help");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("not part of Kubernetes");
    for (const usage of [
      "kubeplay node stop|start NAME",
      "kubeplay advance DURATION",
      "kubeplay curl svc/NAME",
    ]) {
      expect(result.stdout).toContain(usage);
    }
  });

  it("treats a bare `kubeplay` as help", () => {
    expect(runKubeplay(createCluster(), "kubeplay").stdout).toContain("Commands:");
  });

  it("rejects an unknown command with exit code 1 and a pointer to help", () => {
    const result = runKubeplay(createCluster(), "kubeplay explode");
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: "kubeplay: unknown command \"explode\"\nRun 'kubeplay help' for the list of commands.\n",
    });
  });

  it("advances simulated time by a Go-style duration", () => {
    const cluster = createCluster({ start });
    const result = runKubeplay(cluster, "kubeplay advance 1m30s");
    expect(result.stdout).toBe("advanced 1m30s: the time is now 2026-01-05T10:01:30Z\n");
    expect(cluster.now()).toBe(Date.parse(start) + 90_000);
  });

  it("refuses a malformed or too long advance without moving the clock", () => {
    const cluster = createCluster({ start });
    expect(runKubeplay(cluster, "advance soon").code).toBe(1);
    expect(runKubeplay(cluster, "advance 400h").stderr).toContain("at most 168h");
    expect(cluster.now()).toBe(Date.parse(start));
  });

  it("reports a node that does not exist", () => {
    const result = runKubeplay(createCluster(), "kubeplay node stop node-99");
    expect(result).toMatchObject({ code: 1, stderr: 'kubeplay node: node "node-99" not found\n' });
  });

  it("requires stop or start and a node name", () => {
    expect(runKubeplay(createCluster(), "kubeplay node reboot node-1").stderr).toContain(
      "Usage: kubeplay node stop|start NAME",
    );
  });

  it("prints the cluster's seed and options", () => {
    expect(runKubeplay(createCluster({ seed: 42, nodes: 2, start }), "seed").stdout).toBe(
      `seed 42, 2 nodes, started ${start}\n`,
    );
  });

  it("spreads curl requests over a Service's ready pods", () => {
    const cluster = createCluster({ start });
    cluster.kubectl("create deployment web --image=nginx --replicas=2");
    const service =
      "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n";
    expect(cluster.kubectl("apply -f -", service).code).toBe(0);
    cluster.advance(30);
    const result = runKubeplay(cluster, "kubeplay curl svc/web --count 10");
    expect(result.code).toBe(0);
    const pods = cluster.store.list("Pod", "default").map((p) => p.metadata.name ?? "");
    for (const pod of pods) expect(result.stdout).toContain(pod);
  });

  it("reports a missing Service as the API server would", () => {
    const result = runKubeplay(createCluster(), "kubeplay curl svc/web -n shop");
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: 'Error from server (NotFound): services "web" not found\n',
    });
  });

  it("stops and starts a node", () => {
    const cluster = createCluster({ start });
    expect(runKubeplay(cluster, "kubeplay node stop node-2")).toEqual({
      code: 0,
      stdout: "node node-2 stopped\n",
      stderr: "",
    });
    cluster.advance(120);
    expect(cluster.kubectl("get node node-2").stdout).toContain("NotReady");
    expect(runKubeplay(cluster, "kubeplay node start node-2").stdout).toBe("node node-2 started\n");
    expect(cluster.kubectl("get node node-2").stdout).not.toContain("NotReady");
  });

  it("rejects a curl count outside 1..1000", () => {
    expect(runKubeplay(createCluster(), "curl svc/kubernetes --count=0").stderr).toContain("--count must be");
  });
});

describe("parseDuration", () => {
  it.each([
    ["30s", 30_000],
    ["5m", 300_000],
    ["1h30m", 5_400_000],
    ["1.5m", 90_000],
    ["250ms", 250],
    ["90", 90_000],
  ])("reads %s as %d ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(["", "s", "5x", "-5s", "5m junk", "1h-3m"])("rejects %j", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});
