import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster";

function cluster() {
  const c = createCluster({ seed: 1, nodes: 0 });
  c.kubectl("create configmap cfg --from-literal=a=1");
  return c;
}

describe("kubectl patch", () => {
  it("applies strategic, merge and JSON patches, and says when nothing changed", () => {
    const c = cluster();
    expect(c.kubectl(`patch cm cfg -p '{"data":{"b":"2"}}'`).stdout).toBe("configmap/cfg patched\n");
    expect(c.kubectl(`patch cm cfg -p '{"data":{"b":"2"}}'`).stdout).toBe(
      "configmap/cfg patched (no change)\n",
    );
    expect(c.kubectl(`patch cm cfg --type merge -p 'data: {c: "3"}'`).stdout).toBe("configmap/cfg patched\n");
    expect(c.kubectl(`patch cm cfg --type json -p '[{"op":"remove","path":"/data/a"}]'`).stdout).toBe(
      "configmap/cfg patched\n",
    );
    expect(c.store.get("ConfigMap", "default", "cfg")?.data).toEqual({ b: "2", c: "3" });
  });

  it("warns about unknown fields (the server's default field validation) and drops them", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    c.kubectl("create deployment web --image=nginx");
    const result = c.kubectl(`patch deploy web -p '{"spec":{"replica":2}}'`);
    expect(result.stdout).toBe("deployment.apps/web patched (no change)\n");
    expect(result.stderr).toBe('Warning: unknown field "spec.replica"\n');
    expect(c.store.get("Deployment", "default", "web")?.spec).not.toHaveProperty("replica");
  });

  it("patches a deployment's container by name (strategic merge key)", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    c.kubectl("create deployment web --image=nginx");
    const patch = `'{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}}}'`;
    expect(c.kubectl(`patch deployment web -p ${patch}`).stdout).toBe("deployment.apps/web patched\n");
    expect(
      c.store
        .get("Deployment", "default", "web")
        ?.spec.template.spec.containers.map((x: { image: string }) => x.image),
    ).toEqual(["nginx:1.25"]);
  });

  it("prints the server's errors for patches that do not apply", () => {
    const c = cluster();
    expect(
      c.kubectl(`patch cm cfg --type json -p '[{"op":"replace","path":"/data/zz/x","value":1}]'`).stderr,
    ).toBe("The request is invalid: the server rejected our request due to an error in our request\n");
    expect(c.kubectl(`patch cm cfg -p '[1]'`).stderr).toBe(
      "Error from server (BadRequest): invalid JSON document\n",
    );
    expect(c.kubectl(`patch cm nope -p '{}'`).stderr).toBe(
      'Error from server (NotFound): configmaps "nope" not found\n',
    );
    expect(c.kubectl(`patch cm cfg -p '{"metadata":{"name":"x"}}'`).stderr).toBe(
      "Error from server (BadRequest): the name of the object (x) does not match the name on the URL (cfg)\n",
    );
  });

  it("validates its flags as kubectl does", () => {
    const c = cluster();
    expect(c.kubectl("patch cm cfg").stderr).toBe(
      "error: must specify --patch or --patch-file containing the contents of the patch\n",
    );
    expect(c.kubectl("patch cm cfg --type foo -p '{}'").stderr).toBe(
      'error: --type must be one of [json merge strategic], not "foo"\n',
    );
    expect(c.kubectl("patch cm cfg --local -p '{}'").stderr).toBe(
      "error: cannot specify --local and server resources\n",
    );
    expect(c.kubectl("patch -p '{}'").stderr).toContain(
      "error: You must provide one or more resources by argument or filename.",
    );
  });

  it("--dry-run=client prints the patched object without writing it", () => {
    const c = cluster();
    expect(c.kubectl(`patch cm cfg --type merge -p '{"data":{"a":"9"}}' --dry-run=client`).stdout).toBe(
      "configmap/cfg patched (dry run)\n",
    );
    expect(c.store.get("ConfigMap", "default", "cfg")?.data).toEqual({ a: "1" });
  });

  it("--subresource=status writes only the status", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    c.kubectl("create service clusterip web --tcp=80");
    const patch = `'{"status":{"loadBalancer":{"ingress":[{"ip":"192.0.2.1"}]}},"spec":{"type":"NodePort"}}'`;
    expect(c.kubectl(`patch svc web --subresource=status --type merge -p ${patch}`).stdout).toBe(
      "service/web patched\n",
    );
    const svc = c.store.get("Service", "default", "web");
    expect(svc?.status.loadBalancer.ingress).toEqual([{ ip: "192.0.2.1" }]);
    expect(svc?.spec.type).toBe("ClusterIP");
  });
});
