import { describe, expect, it } from "vitest";
import { createCluster } from "../cluster";

const SHARED = `apiVersion: v1
kind: Pod
metadata:
  name: two-containers
spec:
  restartPolicy: Never
  volumes:
  - name: shared-data
    emptyDir: {}
  containers:
  - name: writer
    image: busybox:1.36
    volumeMounts:
    - name: shared-data
      mountPath: /pod-data
    command: ["sh", "-c", "echo Hello from the writer > /pod-data/index.html; sleep 3600"]
  - name: reader
    image: busybox:1.36
    volumeMounts:
    - name: shared-data
      mountPath: /usr/share/data
    command: ["sh", "-c", "sleep 5; cat /usr/share/data/index.html; cat /pod-data/index.html"]
`;

describe("emptyDir volumes", () => {
  it("are shared by the pod's containers, each at its own mount path", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    c.kubectl("apply -f -", SHARED);
    c.advance(30);
    expect(c.kubectl("logs two-containers -c reader").stdout).toBe(
      "Hello from the writer\ncat: can't open '/pod-data/index.html': No such file or directory\n",
    );
  });

  it("outlive a container restart, unlike the container's own files", () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    c.kubectl(
      "apply -f -",
      `apiVersion: v1
kind: Pod
metadata:
  name: counter
spec:
  volumes:
  - name: cache
    emptyDir: {}
  containers:
  - name: counter
    image: busybox:1.36
    volumeMounts:
    - name: cache
      mountPath: /cache
    command: ["sh", "-c", "echo run >> /cache/runs; echo run >> /tmp/runs; echo volume:; cat /cache/runs; echo tmp:; cat /tmp/runs; sleep 2; exit 1"]
`,
    );
    c.advance(40);
    const [volume, tmp] = c
      .kubectl("logs counter --previous")
      .stdout.split("tmp:\n")
      .map((part) => part.split("\n").filter((l) => l === "run").length);
    // Every run appended to the volume; /tmp started empty in each new container.
    expect(volume).toBeGreaterThanOrEqual(3);
    expect(tmp).toBe(1);
  });
});
