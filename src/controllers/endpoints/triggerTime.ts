/**
 * TriggerTimeTracker (pkg/controller/util/endpoint/trigger_time_tracker.go): computes the
 * `endpoints.kubernetes.io/last-change-trigger-time` annotation, the time of the earliest
 * change (a pod's Ready transition, or the Service's creation) not yet reflected.
 */
import type { Pod, Service } from "kubernetes-types/core/v1";
import { parseTimestamp } from "../../util/clock";

interface ServiceState {
  serviceTime: number;
  podTimes: Map<string, number>;
}

/** One tracker per controller; remembers what each Service's last sync saw. */
export class TriggerTimeTracker {
  private states = new Map<string, ServiceState>();

  /** The trigger time to export (epoch ms), or undefined when nothing changed since the last sync. */
  compute(key: string, service: Service, pods: readonly Pod[]): number | undefined {
    const state = this.states.get(key);
    let min: number | undefined;
    const podTimes = new Map<string, number>();
    for (const pod of pods) {
      const ready = pod.status?.conditions?.find((c) => c.type === "Ready");
      const time = parseTimestamp(ready?.lastTransitionTime);
      if (time === undefined) continue;
      podTimes.set(pod.metadata?.name ?? "", time);
      if (time > (state?.podTimes.get(pod.metadata?.name ?? "") ?? -Infinity)) min = earlier(min, time);
    }
    const serviceTime = parseTimestamp(service.metadata?.creationTimestamp) ?? 0;
    if (serviceTime > (state?.serviceTime ?? -Infinity)) min = earlier(min, serviceTime);
    this.states.set(key, { serviceTime, podTimes });
    // A Service seen for the first time reports its creation time.
    return state ? min : serviceTime;
  }

  /** Forgets a deleted Service. */
  forget(key: string): void {
    this.states.delete(key);
  }
}

function earlier(current: number | undefined, value: number): number {
  return current === undefined || value < current ? value : current;
}
