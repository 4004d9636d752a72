import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster";

const WITH_TYPO = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: '1'}\nbogus: 1\n";

describe("--validate", () => {
  it("is the field validation apply, create and replace send: strict refuses a typo, ignore drops it", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    expect(c.kubectl("apply -f -", WITH_TYPO).stderr).toMatch(/strict decoding error: unknown field "bogus"/);
    expect(c.kubectl("apply -f - --validate=ignore", WITH_TYPO).stdout).toBe("configmap/a created\n");
    expect(c.store.get("ConfigMap", "default", "a")).not.toHaveProperty("bogus");
    expect(c.kubectl("replace -f - --validate=false", WITH_TYPO).stdout).toBe("configmap/a replaced\n");
    expect(c.kubectl("create -f - --validate=nope", WITH_TYPO).stderr).toBe(
      'error: invalid - validate option "nope"; must be one of: strict (or true), warn, ignore (or false)\n',
    );
  });

  it("under warn writes the object without the unknown fields and prints the server's warning for each", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    const typos = WITH_TYPO.replace("metadata: {name: a}", "metadata: {name: a, labelz: {x: y}}");
    const created = c.kubectl("create -f - --validate=warn", typos);
    expect(created.stdout).toBe("configmap/a created\n");
    expect(created.stderr).toBe('Warning: unknown field "bogus"\nWarning: unknown field "metadata.labelz"\n');
    expect(c.store.get("ConfigMap", "default", "a")).not.toHaveProperty("bogus");
    expect(c.kubectl("replace -f - --validate=warn", WITH_TYPO).stderr).toBe(
      'Warning: unknown field "bogus"\n',
    );
    expect(c.kubectl("apply -f - --validate=warn", WITH_TYPO.replace("a}", "b}")).stderr).toBe(
      'Warning: unknown field "bogus"\n',
    );
    // A warning is no error: ignore prints none.
    expect(c.kubectl("apply -f - --validate=ignore", WITH_TYPO.replace("a}", "c}")).stderr).toBe("");
  });
});
