import { describe, expect, it } from "vitest";
import { commonPrefix, complete, type CompletionSource } from "./completion";

const source: CompletionSource = {
  objectNames: (kind, namespace) =>
    (
      ({
        "Deployment/default": ["web", "worker"],
        "Pod/default": ["web-1"],
        "Pod/kube-system": ["coredns-1"],
      }) as Record<string, string[]>
    )[`${kind}/${namespace}`] ?? [],
  namespaces: () => ["default", "kube-system"],
  defaultNamespace: () => "default",
  fileNames: () => ["deployment.yaml"],
};
const at = (line: string) => complete(line, source);

describe("console tab completion", () => {
  it("completes editor tabs after > and >>", () => {
    expect(at("kubectl get deploy web -o yaml > dep")).toEqual({ from: 33, candidates: ["deployment.yaml"] });
    expect(at("kubectl get pods >> ").candidates).toEqual(["deployment.yaml"]);
    expect(at("kubectl get pods | gr").candidates).toEqual(["grep"]);
  });

  it("completes the console's shell variables after $", () => {
    expect(complete("kubectl exec $PO", source, ["POD_NAME", "NODE_PORT"])).toEqual({
      from: 13,
      candidates: ["$POD_NAME"],
    });
    expect(complete("echo $", source, ["POD_NAME", "NODE_PORT"]).candidates).toEqual([
      "$POD_NAME",
      "$NODE_PORT",
    ]);
  });

  it("completes the console's commands in first position", () => {
    expect(at("ku")).toEqual({ from: 0, candidates: ["kubectl", "kubeplay"] });
    expect(at("cl").candidates).toEqual(["clear"]);
  });

  it("completes kubectl verbs after kubectl and its k alias", () => {
    expect(at("kubectl ge")).toEqual({ from: 8, candidates: ["get"] });
    expect(at("k app").candidates).toEqual(["apply"]);
    expect(at("kubectl ").candidates).toEqual(expect.arrayContaining(["get", "apply", "delete", "create"]));
  });

  it("completes resource types by plural, singular and short name", () => {
    expect(at("kubectl get depl")).toEqual({ from: 12, candidates: ["deployments", "deployment", "deploy"] });
    expect(at("kubectl get po").candidates).toEqual(["pods", "pod", "po"]);
    expect(at("kubectl delete svc").candidates).toEqual(["svc"]);
  });

  it("completes object names from the cluster mirror, honouring -n", () => {
    expect(at("kubectl get deploy w").candidates).toEqual(["web", "worker"]);
    expect(at("kubectl get pods -n kube-system c").candidates).toEqual(["coredns-1"]);
    expect(at("kubectl get deployment/wo").candidates).toEqual(["deployment/worker"]);
    expect(at("kubectl edit deploy/w").candidates).toEqual(["deploy/web", "deploy/worker"]);
    expect(at("kubectl edit deploy w").candidates).toEqual(["web", "worker"]);
  });

  it("completes flags, namespaces, output formats and editor files", () => {
    expect(at("kubectl get pods --all-n").candidates).toEqual(["--all-namespaces"]);
    expect(at("kubectl get pods --namesp").candidates).toEqual(["--namespace"]);
    expect(at("kubectl get pods -n kube").candidates).toEqual(["kube-system"]);
    expect(at("kubectl get pods -o y").candidates).toEqual(["yaml"]);
    expect(at("kubectl apply -f dep").candidates).toEqual(["deployment.yaml"]);
  });

  it("completes subcommands and kubeplay's commands, and nothing for other programs", () => {
    expect(at("kubectl create dep").candidates).toEqual(["deployment"]);
    expect(at("kubeplay adv").candidates).toEqual(["advance"]);
    expect(at("ls -l").candidates).toEqual([]);
  });

  it("finds the shared prefix of several candidates", () => {
    expect(commonPrefix(["deployments", "deployment"])).toBe("deployment");
    expect(commonPrefix(["web", "worker"])).toBe("w");
    expect(commonPrefix([])).toBe("");
  });

  it("completes names in the current context's namespace when no -n is given", () => {
    const inKubeSystem = { ...source, defaultNamespace: () => "kube-system" };
    expect(complete("kubectl get pods ", inKubeSystem).candidates).toEqual(["coredns-1"]);
    expect(complete("kubectl get pods -n default ", inKubeSystem).candidates).toEqual(["web-1"]);
  });
});
