import { describe, expect, it } from "vitest";
import { createCluster } from "../../src";
import { onConsoleEntry } from "../console/consoleBus";
import { templateFor } from "../templates";
import { type KubectlRequester, runManifestCommand } from "./manifestCommands";

/** The real engine behind the bridge's request shape. */
function engineBridge(): KubectlRequester {
  const cluster = createCluster({});
  return { request: async (r) => cluster.kubectl(r.line, r.stdin, r.files) };
}

describe("editor manifest commands", () => {
  it("apply a file through stdin, echo it into the console, and report success", async () => {
    const entries: unknown[] = [];
    const stop = onConsoleEntry((e) => entries.push(e));
    const outcome = await runManifestCommand(
      engineBridge(),
      "apply",
      "web.yaml",
      templateFor("Deployment").yaml,
    );
    stop();
    expect(outcome).toMatchObject({
      ok: true,
      code: 0,
      stdout: "deployment.apps/nginx-deployment created\n",
      markers: [],
    });
    expect(entries).toEqual([
      {
        command: "kubectl apply -f - < web.yaml",
        stdout: "deployment.apps/nginx-deployment created\n",
        stderr: "",
      },
    ]);
  });

  it("turn a rejected document into a marker on its line", async () => {
    const text = templateFor("Deployment").yaml.replace("replicas: 3", "replicas: three");
    const outcome = await runManifestCommand(engineBridge(), "apply", "web.yaml", text);
    expect(outcome.ok).toBe(false);
    expect(outcome.markers).toHaveLength(1);
    expect(text.split("\n")[outcome.markers[0].line - 1]).toBe("  replicas: three");
  });

  it("turn a lost simulator into a failed outcome instead of a rejection", async () => {
    const lost: KubectlRequester = { request: () => Promise.reject(new Error("the simulator stopped")) };
    const outcome = await runManifestCommand(lost, "delete", "web.yaml", "kind: Pod\n");
    expect(outcome).toMatchObject({ ok: false, code: 1, stderr: "the simulator stopped\n" });
  });
});
