import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster";

describe("kubectl describe", () => {
  it("describes a ConfigMap with its data under ==== and ---- rules", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    c.kubectl("create configmap cfg --from-literal=b=two --from-literal=a=1");
    expect(c.kubectl("describe configmap cfg").stdout).toBe(
      "Name:         cfg\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\na:\n----\n1\n\nb:\n----\ntwo\n\n\nBinaryData\n====\n\nEvents:  <none>\n",
    );
  });

  it("describes a Secret by key sizes only", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    c.kubectl("create secret generic s --from-literal=password=hunter2");
    expect(c.kubectl("describe secret s").stdout).toBe(
      "Name:         s\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nType:  Opaque\n\nData\n====\npassword:  7 bytes\n",
    );
  });

  it("describes a Namespace with kubectl's quota and limit-range notes", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    expect(c.kubectl("describe ns default").stdout).toBe(
      "Name:         default\nLabels:       kubernetes.io/metadata.name=default\nAnnotations:  <none>\nStatus:       Active\n\nNo resource quota.\n\nNo LimitRange resource.\n",
    );
  });

  it("describes a Deployment: header, replicas line, pod template and events table", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    c.kubectl("create deployment web --image=nginx --replicas=2 --port=80");
    const out = c.kubectl("describe deployment web").stdout;
    expect(out).toMatch(
      /^Name: {19}web\nNamespace: {14}default\nCreationTimestamp: {6}Mon, 05 Jan 2026 10:00:00 \+0000\nLabels: {17}app=web\n/,
    );
    expect(out).toContain("\nSelector:               app=web\n");
    expect(out).toContain(
      "\nStrategyType:           RollingUpdate\nMinReadySeconds:        0\nRollingUpdateStrategy:  25% max unavailable, 25% max surge\n",
    );
    expect(out).toContain(
      "Pod Template:\n  Labels:  app=web\n  Containers:\n   nginx:\n    Image:         nginx\n    Port:          80/TCP\n",
    );
    expect(out).toContain(
      "\nEvents:\n  Type    Reason             Age   From                   Message\n  ----    ------             ----  ----                   -------\n",
    );
  });

  it("matches by name prefix when no object has the exact name, and reports NotFound otherwise", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    c.kubectl("create configmap web-a");
    c.kubectl("create configmap web-b");
    const out = c.kubectl("describe cm web");
    expect(out.code).toBe(0);
    expect(out.stdout.match(/^Name: /gm)).toHaveLength(2);
    expect(c.kubectl("describe cm nope").stderr).toBe(
      'Error from server (NotFound): configmaps "nope" not found\n',
    );
  });

  it("separates several objects with two blank lines and hides events on --show-events=false", () => {
    const c = createCluster({ seed: 1, nodes: 0 });
    c.kubectl("create configmap a");
    c.kubectl("create configmap b");
    const out = c.kubectl("describe cm a b --show-events=false").stdout;
    expect(out).toContain("BinaryData\n====\n\n\n\nName:         b\n");
    expect(out).not.toContain("Events:");
    expect(c.kubectl("describe").stderr).toBe(
      'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
    );
    expect(c.kubectl("describe deploy").stderr).toBe("No resources found in default namespace.\n");
  });
});
