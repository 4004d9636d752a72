import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster";
import { labelSelectorAsSelector, selectorFromSet } from "../../apimachinery/labels";
import { OwnedPodIndex } from "./ownedPods";
import { isPodActive, isPodReady } from "./podUtil";

describe("the ReplicaSet controller's owned-pod index", () => {
  it("counts what a scan of the ReplicaSet's active pods counts, through scaling, relabelling and deletion", () => {
    const c = createCluster({ seed: 5, nodes: 2 });
    const index = new OwnedPodIndex();
    c.watch(0, (e) => {
      if (e.object.kind === "Pod") index.observe(e);
    });
    const check = () => {
      for (const rs of c.store.list("ReplicaSet", "default")) {
        const selector = labelSelectorAsSelector(rs.spec?.selector);
        const template = selectorFromSet(rs.spec?.template?.metadata?.labels ?? {});
        const signature = JSON.stringify([rs.spec?.selector, rs.spec?.template?.metadata?.labels]);
        const owned = c.store
          .dependentsOf(rs.metadata.uid ?? "")
          .filter((p) => p.kind === "Pod" && isPodActive(p))
          .filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === rs.metadata.uid));
        const matching = owned.filter((p) => selector.matches(p.metadata.labels ?? {}));
        expect(index.counts(rs, signature, selector, template)).toEqual({
          matching: matching.length,
          stray: owned.length - matching.length,
          fullyLabeled: matching.filter((p) => template.matches(p.metadata.labels ?? {})).length,
          ready: matching.filter(isPodReady).length,
        });
      }
    };
    c.kubectl("create deployment web --image=nginx:1.27.4 --replicas=4");
    check();
    c.advance(20);
    check();
    const pod = c.store.list("Pod", "default")[0].metadata.name;
    c.kubectl(`label pod ${pod} extra=yes`);
    check();
    c.kubectl("set image deployment/web nginx=nginx:1.26.3");
    c.advance(3);
    check();
    c.kubectl("scale deployment web --replicas=1");
    c.advance(60);
    check();
  });
});
