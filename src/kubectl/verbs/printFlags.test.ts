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

// Expected texts were printed by kubectl 1.32 (client-side dry runs and flag checks need no server).
describe("the print flags of verbs other than get: no tables, and where the check happens", () => {
  const ALLOWED =
    "allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n";

  it("scale, create and set refuse -o wide and custom columns before they change anything", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    c.kubectl("create deployment web --image=nginx");
    const scaled = c.kubectl("scale deployment web --replicas=3 -o wide");
    expect(scaled.code).toBe(1);
    expect(scaled.stderr).toBe(
      `error: unable to match a printer suitable for the output format "wide", ${ALLOWED}`,
    );
    expect(c.kubectl("get deployment web -o jsonpath={.spec.replicas}").stdout).toBe("1");
    expect(c.kubectl("create configmap settings -o custom-columns=A:.a").stderr).toBe(
      `error: unable to match a printer suitable for the output format "custom-columns=A:.a", ${ALLOWED}`,
    );
    expect(c.kubectl("get configmap settings").stderr).toBe(
      'Error from server (NotFound): configmaps "settings" not found\n',
    );
    c.kubectl("set image deployment/web nginx=nginx:1.25 -o wide");
    expect(c.kubectl("get deployment web -o jsonpath={..image}").stdout).toBe("nginx");
  });

  it("label and patch build their printer after the write: the change is made, then -o wide fails", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    c.kubectl("create deployment web --image=nginx");
    const labeled = c.kubectl("label deployment web tier=web -o wide");
    expect(labeled.code).toBe(1);
    expect(labeled.stderr).toBe(
      `error: unable to match a printer suitable for the output format "wide", ${ALLOWED}`,
    );
    expect(c.kubectl("get deployment web -o jsonpath={.metadata.labels.tier}").stdout).toBe("web");
    const patched = c.kubectl(`patch deployment web -p '{"spec":{"replicas":2}}' -o wide`);
    expect(patched.stderr).toBe(
      `error: unable to match a printer suitable for the output format "wide", ${ALLOWED}`,
    );
    expect(c.kubectl("get deployment web -o jsonpath={.spec.replicas}").stdout).toBe("2");
  });

  it("reads -o go-template-file, templatefile and jsonpath-file from an editor tab", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    const files = { "name.tmpl": "{{.metadata.name}}\n", "replicas.txt": "{.spec.replicas}" };
    const create = "create deployment web --image=nginx --dry-run=client";
    expect(c.kubectl(`${create} -o go-template-file=name.tmpl`, undefined, files).stdout).toBe("web\n");
    expect(c.kubectl(`${create} -o templatefile=name.tmpl`, undefined, files).stdout).toBe("web\n");
    expect(c.kubectl(`${create} -o go-template-file --template=name.tmpl`, undefined, files).stdout).toBe(
      "web\n",
    );
    expect(c.kubectl(`${create} -o jsonpath-file=replicas.txt`, undefined, files).stdout).toBe("1");
    const missing = c.kubectl(`${create} -o go-template-file=nope`, undefined, files);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      "error: error reading --template nope, open nope: no such file or directory\n",
    );
    expect(c.kubectl(`${create} -o go-template-file`, undefined, files).stderr).toBe(
      "error: template format specified but no template given\n",
    );
  });

  it("get reads -o custom-columns-file: a line of headers, a line of field specs", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    c.kubectl("create deployment web --image=nginx");
    const files = {
      "cols.txt": "NAME  REPLICAS\nmetadata.name  .spec.replicas\n",
      "bad.txt": "NAME IMAGE\n.metadata.name\n",
    };
    expect(c.kubectl("get deployments -o custom-columns-file=cols.txt", undefined, files).stdout).toBe(
      "NAME   REPLICAS\nweb    1\n",
    );
    expect(c.kubectl("get deployments -o custom-columns-file=bad.txt", undefined, files).stderr).toBe(
      "error: number of headers (2) and field specifications (1) don't match\n",
    );
    expect(c.kubectl("get deployments -o custom-columns-file=none.txt", undefined, files).stderr).toBe(
      "error: error reading template none.txt, open none.txt: no such file or directory\n",
    );
  });

  it("rollout history -o prints each revision's ReplicaSet, oldest first, YAML documents apart", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    c.kubectl("create deployment web --image=nginx");
    c.advance(1000);
    c.kubectl("set image deployment/web nginx=nginx:1.25");
    c.advance(1000);
    const names = c.kubectl("rollout history deployment/web -o name").stdout.split("\n").filter(Boolean);
    expect(names).toHaveLength(2);
    for (const name of names) expect(name).toMatch(/^replicaset\.apps\/web-[a-z0-9]+$/);
    const yaml = c.kubectl("rollout history deployment/web -o yaml").stdout;
    expect(yaml.split("\n").filter((line) => line === "---")).toHaveLength(1);
    expect(yaml).toMatch(/^apiVersion: apps\/v1\nkind: ReplicaSet\n/);
    expect(c.kubectl("rollout history deployment/web --revision=2 -o jsonpath={..image}").stdout).toBe(
      "nginx:1.25",
    );
    expect(c.kubectl("rollout history deployment/web --revision=7 -o yaml").stderr).toBe(
      "error: unable to find the specified revision\n",
    );
    // --template alone makes the table's printer a go-template one, which prints the Deployment.
    expect(c.kubectl("rollout history deployment/web --template={{.kind}}").stdout).toBe("Deployment");
    expect(c.kubectl("rollout history deployment/web -o wide").stderr).toBe(
      `error: unable to match a printer suitable for the output format "wide", ${ALLOWED}`,
    );
  });
});
