import { describe, expect, it } from "vitest";
import { createCluster } from "../cluster";
import { resolveClusterName, searchPath } from "./dns";

function withService() {
  const c = createCluster({ seed: 1, nodes: 1 });
  c.kubectl("create namespace shop");
  c.kubectl("create service clusterip db --tcp=5432:5432 -n shop");
  c.kubectl("create service clusterip none --clusterip=None");
  return { c, ip: c.store.get("Service", "shop", "db")!.spec.clusterIP as string };
}

describe("cluster DNS", () => {
  it("searches <ns>.svc.cluster.local, svc.cluster.local, cluster.local in that order", () => {
    expect(searchPath("shop")).toEqual(["shop.svc.cluster.local", "svc.cluster.local", "cluster.local"]);
  });

  it.each([
    ["db", "shop", "db.shop.svc.cluster.local"],
    ["db.shop", "default", "db.shop.svc.cluster.local"],
    ["db.shop.svc", "default", "db.shop.svc.cluster.local"],
    ["db.shop.svc.cluster.local", "default", "db.shop.svc.cluster.local"],
    ["db.shop.svc.cluster.local.", "default", "db.shop.svc.cluster.local"],
  ])("resolves %s from namespace %s as %s", (name, ns, fqdn) => {
    const { c, ip } = withService();
    expect(resolveClusterName(c.store, ns, name)).toEqual({ name: fqdn, address: ip });
  });

  it("does not resolve a Service of another namespace by its short name, nor a headless one", () => {
    const { c } = withService();
    expect(resolveClusterName(c.store, "default", "db")).toBeUndefined();
    expect(resolveClusterName(c.store, "default", "none")).toBeUndefined();
  });
});
