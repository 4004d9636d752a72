import { describe, expect, it } from "vitest";
import { filesNamed, routeLine } from "./commandRouter";

const verbs = ["get", "apply", "delete", "create"];

describe("console line routing", () => {
  it("send kubectl and its k alias to kubectl, normalised", () => {
    expect(routeLine("kubectl get pods", verbs)).toEqual({ kind: "kubectl", line: "kubectl get pods" });
    expect(routeLine("  k get po -A ", verbs)).toEqual({ kind: "kubectl", line: "kubectl get po -A" });
    expect(routeLine("kubectl", verbs)).toEqual({ kind: "kubectl", line: "kubectl" });
  });

  it("send kubeplay lines to the simulator and keep clear and help for the console", () => {
    expect(routeLine("kubeplay advance 5m", verbs)).toEqual({
      kind: "kubeplay",
      line: "kubeplay advance 5m",
    });
    expect(routeLine("clear", verbs)).toEqual({ kind: "clear" });
    expect(routeLine("help", verbs)).toEqual({ kind: "help" });
    expect(routeLine("   ", verbs)).toEqual({ kind: "empty" });
  });

  it("recognise the shell builtins the console has", () => {
    expect(routeLine("export POD_NAME=$(kubectl get pods -o name)", verbs)).toEqual({
      kind: "assign",
      line: "export POD_NAME=$(kubectl get pods -o name)",
    });
    expect(routeLine("NODE_PORT=30080", verbs)).toEqual({ kind: "assign", line: "NODE_PORT=30080" });
    expect(routeLine("unset NODE_PORT", verbs)).toEqual({ kind: "unset", line: "unset NODE_PORT" });
    expect(routeLine("echo $POD_NAME", verbs)).toEqual({ kind: "echo", line: "echo $POD_NAME" });
  });

  it("refuse a bare verb as a shell would, suggesting the kubectl line", () => {
    expect(routeLine("get pods", verbs)).toEqual({
      kind: "unknown",
      command: "get",
      suggestion: "kubectl get pods",
    });
    expect(routeLine("ls -la", verbs)).toEqual({ kind: "unknown", command: "ls" });
    expect(routeLine("kube get pods", verbs)).toEqual({ kind: "unknown", command: "kube" });
  });
});

describe("editor files named on a line", () => {
  it("are only those the line names with -f", () => {
    const files = { "web.yaml": "a", "db.yaml": "b" };
    expect(filesNamed("kubectl apply -f web.yaml", files)).toEqual({ "web.yaml": "a" });
    expect(filesNamed("kubectl apply --filename=db.yaml", files)).toEqual({ "db.yaml": "b" });
    expect(filesNamed("kubectl get pods", files)).toBeUndefined();
  });
});
