import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster";

describe("kubectl run|expose --overrides", () => {
  it("merges inline JSON into the generated pod (merge by default, strategic or json on request)", () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    const run = "run p --image=nginx --dry-run=client";
    const merged = c.kubectl(
      `${run} -o yaml --overrides='{"spec":{"nodeName":"node-2"},"metadata":{"labels":{"x":"y"}}}'`,
    );
    expect(merged.stdout).toContain('  labels:\n    run: p\n    x: "y"\n');
    expect(merged.stdout).toContain("  nodeName: node-2\n");
    // A merge patch replaces the container list; a strategic one merges containers by name.
    const containers = `'{"spec":{"containers":[{"name":"p","image":"busybox"}]}}'`;
    expect(
      c.kubectl(
        `${run} -o jsonpath={.spec.containers[0].resources} --override-type=strategic --overrides=${containers}`,
      ).stdout,
    ).toBe("{}");
    expect(
      c.kubectl(
        `${run} -o jsonpath={.spec.containers[0].resources} --override-type=merge --overrides=${containers}`,
      ).stdout,
    ).toBe("");
    expect(
      c.kubectl(
        `${run} -o jsonpath={.spec.restartPolicy} --override-type=json --overrides='[{"op":"replace","path":"/spec/restartPolicy","value":"Never"}]'`,
      ).stdout,
    ).toBe("Never");
  });

  it("creates the pod as overridden, and exposes a Service as overridden", () => {
    const c = createCluster({ seed: 1, nodes: 2 });
    c.kubectl(`run p --image=nginx --overrides='{"spec":{"nodeName":"node-2"}}'`);
    expect(c.kubectl("get pod p -o jsonpath={.spec.nodeName}").stdout).toBe("node-2");
    c.kubectl("create deployment web --image=nginx");
    expect(
      c.kubectl(`expose deployment web --port=80 --overrides='{"spec":{"type":"NodePort"}}'`).stdout,
    ).toBe("service/web exposed\n");
    expect(c.kubectl("get service web -o jsonpath={.spec.type}").stdout).toBe("NodePort");
    // --load-balancer-ip goes only on a LoadBalancer Service, as kubectl sets it.
    const lb = "expose deployment web --port=80 --load-balancer-ip=10.0.0.9 --dry-run=client -o jsonpath";
    expect(c.kubectl(`${lb}={.spec.loadBalancerIP} --name=lb --type=LoadBalancer`).stdout).toBe("10.0.0.9");
    expect(c.kubectl(`${lb}={.spec} --name=plain`).stdout).not.toContain("loadBalancerIP");
  });

  it("says what is wrong with an override, as kubectl does", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    expect(c.kubectl("run p --image=nginx --overrides='{bad'").stderr).toBe("error: Invalid JSON Patch\n");
    expect(c.kubectl("run p --image=nginx --override-type=foo --overrides='{}'").stderr).toBe(
      "error: invalid override type: foo\n",
    );
    expect(c.kubectl("get pods").stderr).toBe("No resources found in default namespace.\n");
  });
});
