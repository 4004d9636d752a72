import { describe, expect, it } from "vitest";
import { createCluster } from "../../cluster";

const WARNING =
  "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n";

function cluster() {
  const c = createCluster({ seed: 1, nodes: 1 });
  c.kubectl("run web --image=nginx:1.27.4");
  c.kubectl("run api --image=nginx:1.27.4");
  c.advance(20);
  return c;
}

describe("kubectl delete's grace period (kubectl 1.32's DeleteOptions)", () => {
  it("force-deletes with --force alone: kubectl's warning first, then `force deleted`, and the pod is gone at once", () => {
    const c = cluster();
    const result = c.kubectl("delete pod web --force");
    expect(result).toMatchObject({ code: 0, stdout: 'pod "web" force deleted\n', stderr: WARNING });
    // The warning comes first, as a terminal shows it.
    expect(result.chunks).toEqual([
      { stream: "stderr", text: WARNING },
      { stream: "stdout", text: 'pod "web" force deleted\n' },
    ]);
    expect(c.store.get("Pod", "default", "web")).toBeUndefined();
  });

  it("turns a bare --grace-period=0 into 1 second, as kubectl guards against accidental data loss", () => {
    const c = cluster();
    expect(c.kubectl("delete pod web --grace-period=0")).toMatchObject({
      code: 0,
      stdout: 'pod "web" deleted\n',
      stderr: "",
    });
    expect(c.store.get("Pod", "default", "web")?.metadata.deletionGracePeriodSeconds).toBe(1);
  });

  it("refuses --now with --grace-period, and --force with a positive grace period", () => {
    const c = cluster();
    expect(c.kubectl("delete pod web --now --grace-period=3").stderr).toBe(
      "error: --now and --grace-period cannot be specified together\n",
    );
    expect(c.kubectl("delete pod api --force --grace-period=5").stderr).toBe(
      "error: --force and --grace-period greater than 0 cannot be specified together\n",
    );
    expect(c.store.get("Pod", "default", "api")).toBeDefined();
  });
});
