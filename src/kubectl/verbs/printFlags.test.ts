import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster";

// Expected texts were printed by kubectl 1.32.5 (client-side dry runs need no server).
describe("kubectl's print flags: -o, --template, --allow-missing-template-keys", () => {
  it("get: --template feeds -o go-template, -o jsonpath, or alone go-template, and wins over a template after =", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    c.kubectl("create deployment web --image=nginx");
    expect(c.kubectl("get deploy web --template={{.metadata.name}}").stdout).toBe("web");
    expect(c.kubectl("get deploy -o jsonpath --template={.items[*].metadata.name}").stdout).toBe("web");
    expect(c.kubectl("get deploy web -o go-template={{.kind}} --template={{.metadata.name}}").stdout).toBe(
      "web",
    );
    expect(c.kubectl("get deploy web -o go-template").stderr).toBe(
      "error: template format specified but no template given\n",
    );
  });

  it("create's generators take --template too, and print a missing key as <no value> unless told not to", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    const create = "create deployment web --image=nginx --dry-run=client";
    expect(c.kubectl(`${create} -o go-template --template={{.metadata.name}}`).stdout).toBe("web");
    expect(c.kubectl(`${create} --template={{.metadata.name}}`).stdout).toBe("web");
    expect(c.kubectl(`${create} -o go-template={{.metadata.nope}}`).stdout).toBe("<no value>");
    const strict = c.kubectl(
      `${create} -o go-template={{.metadata.nope}} --allow-missing-template-keys=false`,
    );
    expect(strict.code).toBe(1);
    // The debugging block shows the generator's typed object as Go marshals it: in field order.
    expect(strict.stdout).toContain(
      '\traw data was:\n\t\t{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"web","creationTimestamp":null,',
    );
    expect(strict.stderr).toBe(
      'error: error executing template "{{.metadata.nope}}": template: output:1:11: executing "output" at <.metadata.nope>: map has no entry for key "nope"\n',
    );
    const jsonpath = c.kubectl(`${create} -o jsonpath={.metadata.nope} --allow-missing-template-keys=false`);
    expect(jsonpath.stderr).toMatch(
      /^error: error executing jsonpath "\{\.metadata\.nope\}": Error executing template: nope is not found\. Printing more information/,
    );
    // CheckErr adds no newline to a message that ends with one.
    expect(jsonpath.stderr.endsWith('"status":map[string]interface {}{}}\n\n\n')).toBe(true);
    expect(c.kubectl(`${create} -o jsonpath={.metadata.nope}`).stdout).toBe("");
    expect(c.kubectl(`${create} -o name --show-managed-fields`).stdout).toBe("deployment.apps/web\n");
  });

  it("scale, set, rollout pause and label print the object in the -o format, not their outcome line", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    c.kubectl("create deployment web --image=nginx --replicas=1");
    // ScaleOptions.RunScale prints the object as it read it, before the scale.
    expect(c.kubectl("scale deployment web --replicas=3 -o jsonpath={.spec.replicas}").stdout).toBe("1");
    expect(c.kubectl("get deployment web -o jsonpath={.spec.replicas}").stdout).toBe("3");
    expect(
      c.kubectl(
        "set image deployment/web nginx=nginx:1.27 -o jsonpath={.spec.template.spec.containers[0].image}",
      ).stdout,
    ).toBe("nginx:1.27");
    expect(
      c.kubectl(
        "set env deployment/web MODE=fast -o jsonpath={.spec.template.spec.containers[0].env[0].value}",
      ).stdout,
    ).toBe("fast");
    expect(c.kubectl("rollout pause deployment/web -o go-template --template={{.spec.paused}}").stdout).toBe(
      "true",
    );
    expect(c.kubectl("rollout resume deployment/web -o name").stdout).toBe("deployment.apps/web\n");
    expect(c.kubectl("label deployment web tier=front --template={{.metadata.labels.tier}}").stdout).toBe(
      "front",
    );
    expect(c.kubectl("scale deployment web --replicas=2").stdout).toBe("deployment.apps/web scaled\n");
    // rollout undo, like scale, prints the object as read, before the rollback (here: of set env).
    const env = "-o jsonpath={.spec.template.spec.containers[0].env[0].value}";
    expect(c.kubectl(`rollout undo deployment/web ${env}`).stdout).toBe("fast");
    expect(c.kubectl(`get deployment web ${env}`).stdout).toBe("");
  });
});
