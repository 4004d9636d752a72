import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster";
import { labelOutcome, parseLabelPairs } from "./label";
import { parseAnnotationPairs } from "./annotate";

function cluster() {
  const c = createCluster({ seed: 1, nodes: 0 });
  c.kubectl("create configmap cfg --from-literal=a=1");
  return c;
}

describe("kubectl label", () => {
  it("adds, keeps, overwrites and removes labels with kubectl's outcome words", () => {
    const c = cluster();
    expect(c.kubectl("label cm cfg tier=front").stdout).toBe("configmap/cfg labeled\n");
    expect(c.kubectl("label cm cfg tier=front").stdout).toBe("configmap/cfg not labeled\n");
    expect(c.kubectl("label cm cfg tier=back").stderr).toBe(
      "error: 'tier' already has a value (front), and --overwrite is false\n",
    );
    expect(c.kubectl("label cm cfg tier=back --overwrite").stdout).toBe("configmap/cfg labeled\n");
    expect(c.kubectl("label cm cfg tier-").stdout).toBe("configmap/cfg unlabeled\n");
    expect(c.kubectl("label cm cfg tier-").stdout).toBe(
      'label "tier" not found.\nconfigmap/cfg not labeled\n',
    );
    expect(c.store.get("ConfigMap", "default", "cfg")?.metadata.labels).toEqual({});
  });

  it("does not write on --dry-run=client and marks the line", () => {
    const c = cluster();
    expect(c.kubectl("label cm cfg x=y --dry-run=client").stdout).toBe("configmap/cfg labeled (dry run)\n");
    expect(c.store.get("ConfigMap", "default", "cfg")?.metadata.labels).toBeUndefined();
  });

  it("lists labels, one key=value per line, with a header per object when several are listed", () => {
    const c = cluster();
    c.kubectl("label cm cfg b=2 a=1");
    expect(c.kubectl("label cm cfg --list").stdout).toBe("a=1\nb=2\n");
    expect(c.kubectl("label cm -l a=1 --list").stdout).toBe(
      "Listing labels for ConfigMap./cfg:\n a=1\n b=2\n",
    );
  });

  it("labels every object a selector matches and reports missing ones by name", () => {
    const c = cluster();
    c.kubectl("create configmap other");
    c.kubectl("label cm cfg other team=a");
    expect(c.kubectl("label cm -l team=a env=prod").stdout).toBe(
      "configmap/cfg labeled\nconfigmap/other labeled\n",
    );
    expect(c.kubectl("label cm/cfg cm/nope x=1")).toEqual({
      code: 1,
      stdout: "configmap/cfg labeled\n",
      stderr: 'Error from server (NotFound): configmaps "nope" not found\n',
    });
  });

  it("rejects malformed arguments with kubectl's errors", () => {
    const c = cluster();
    expect(c.kubectl("label cm cfg").stderr).toBe("error: at least one label update is required\n");
    expect(c.kubectl("label cm cfg a=b=c").stderr).toBe("error: invalid label spec: a=b=c\n");
    expect(c.kubectl("label cm cfg a=b a-").stderr).toBe(
      "error: can not both modify and remove a label in the same command\n",
    );
    expect(c.kubectl("label cm cfg a=1 other").stderr).toBe(
      "error: all resources must be specified before label changes: other\n",
    );
    expect(c.kubectl("label a=b").stderr).toBe(
      "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n",
    );
    expect(c.kubectl("label cm a=b").stderr).toBe(
      "error: resource(s) were provided, but no name was specified\n",
    );
    expect(c.kubectl("label cm cfg x=1 --resource-version=1").stderr).toContain(
      "Error from server (Conflict)",
    );
  });

  it("parseLabelPairs and labelOutcome follow kubectl's rules", () => {
    expect(parseLabelPairs(["a=1", "b-"])).toEqual({ add: new Map([["a", "1"]]), remove: ["b"] });
    expect(() => parseLabelPairs(["nope"])).toThrow("unknown label spec: nope");
    expect(labelOutcome('{"a":1}', '{"a":1}', false)).toBe("not labeled");
    expect(labelOutcome('{"a":12}', '{"a":1}', false)).toBe("unlabeled");
    expect(labelOutcome('{"a":12}', '{"a":1}', true)).toBe("labeled");
  });
});

describe("kubectl annotate", () => {
  it("always reports annotated, and refuses to overwrite without --overwrite", () => {
    const c = cluster();
    expect(c.kubectl("annotate cm cfg note=hi").stdout).toBe("configmap/cfg annotated\n");
    expect(c.kubectl("annotate cm cfg note=hi").stdout).toBe("configmap/cfg annotated\n");
    expect(c.kubectl("annotate cm cfg note=ho").stderr).toBe(
      "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hi)\n",
    );
    expect(c.kubectl("annotate cm cfg note=ho --overwrite").stdout).toBe("configmap/cfg annotated\n");
    expect(c.store.get("ConfigMap", "default", "cfg")?.metadata.annotations).toEqual({ note: "ho" });
    expect(c.kubectl("annotate cm cfg note-").stdout).toBe("configmap/cfg annotated\n");
  });

  it("splits at the first = and rejects malformed pairs", () => {
    expect(parseAnnotationPairs(["a=b=c"]).add.get("a")).toBe("b=c");
    expect(() => parseAnnotationPairs(["=x", "y"])).toThrow("error: invalid annotation format: =x, y");
    expect(() => parseAnnotationPairs(["a=1", "a-"])).toThrow(
      "error: can not both modify and remove the following annotation(s) in the same command: a",
    );
    expect(cluster().kubectl("annotate cm cfg").stderr).toBe(
      "error: at least one annotation update is required\n",
    );
  });
});
