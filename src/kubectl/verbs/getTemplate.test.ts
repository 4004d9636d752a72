import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster";

describe("kubectl get --template", () => {
  it("feeds -o go-template, -o jsonpath, or alone go-template, and wins over a template after =", () => {
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
});
