/** The pod's QoS class (pkg/apis/core/helper/qos GetPodQOS), from requests and limits. */
import type { Container, Pod } from "kubernetes-types/core/v1";

const TRACKED = ["cpu", "memory"];

/** Guaranteed: every container limits cpu and memory with requests equal to limits; BestEffort: nothing set. */
export function qosClass(pod: Pod): "Guaranteed" | "Burstable" | "BestEffort" {
  const containers: Container[] = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const requests = c.resources?.requests ?? {};
    const limits = c.resources?.limits ?? {};
    for (const name of TRACKED) {
      if (requests[name] !== undefined || limits[name] !== undefined) any = true;
      const limit = limits[name];
      const request = requests[name] ?? limit;
      if (limit === undefined || String(request) !== String(limit)) guaranteed = false;
    }
  }
  if (!any) return "BestEffort";
  return guaranteed ? "Guaranteed" : "Burstable";
}
