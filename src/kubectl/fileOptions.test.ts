import { describe, expect, it } from "vitest";
import { createCluster } from "../cluster";

const WEB = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  mode: fast\n";

describe("-f's companions: -R and -k (AddFilenameOptionFlags)", () => {
  it("takes -R, which has nothing to recurse into in editor tabs", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    expect(c.kubectl("apply -R -f web.yaml", undefined, { "web.yaml": WEB }).stdout).toBe(
      "configmap/web created\n",
    );
    expect(c.kubectl("get -R -f web.yaml -o name", undefined, { "web.yaml": WEB }).stdout).toBe(
      "configmap/web\n",
    );
  });

  it("checks -k against -f and -R as kubectl does, then says kustomize is not simulated", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    expect(c.kubectl("apply -f web.yaml -k overlays/dev").stderr).toBe(
      "error: only one of -f or -k can be specified\n",
    );
    expect(c.kubectl("delete -k overlays/dev -R").stderr).toBe(
      "error: the -k flag can't be used with -f or -R\n",
    );
    const kustomize = c.kubectl("apply -k overlays/dev");
    expect(kustomize.code).toBe(1);
    expect(kustomize.stderr).toMatch(/^error: kubeplay does not simulate kustomize, so "-k overlays\/dev"/);
  });
});
