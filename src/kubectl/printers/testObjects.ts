// Builders for realistic test objects: a fixed "now" and helpers that fill the fields the
// kubernetes-types interfaces require, so tests spell out only what matters to them.
import type { Container, ContainerStatus, Pod, PodSpec, PodStatus } from "kubernetes-types/core/v1";

/** The simulated now every printer test reads ages against. */
export const NOW = Date.UTC(2024, 4, 1, 12, 0, 0);

/** An RFC 3339 timestamp this many seconds before NOW. */
export function ago(seconds: number): string {
  return new Date(NOW - seconds * 1000).toISOString().replace(".000Z", "Z");
}

/** n anonymous containers, as Go tests write make([]api.Container, n). */
export function containers(n: number): Container[] {
  return Array.from({ length: n }, (_, i) => ({ name: `c${i}`, image: "nginx" }));
}

/** A container status with the required fields filled in. */
export function status(fields: Partial<ContainerStatus> = {}): ContainerStatus {
  return { name: "", image: "nginx", imageID: "", ready: false, restartCount: 0, ...fields };
}

/** A pod named `name` with the given spec and status. */
export function pod(
  name: string,
  spec: Partial<PodSpec>,
  podStatus: PodStatus,
  extra: Partial<Pod> = {},
): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    ...extra,
    metadata: { name, ...extra.metadata },
    spec: { containers: [], ...spec },
    status: podStatus,
  };
}

export const running = { running: { startedAt: ago(600) } };
