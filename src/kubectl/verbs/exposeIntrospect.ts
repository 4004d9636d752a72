import type { KubeObject } from "../../api/types";
import { KubectlError } from "../verb";
import { parseLabels } from "./runPod";

/** A port an exposed object declares, with its protocol ("" when it names none). */
export interface IntrospectedPort {
  port: number;
  protocol: string;
}

/**
 * The Service selector for an exposed object: --selector, else MapBasedSelectorForObject
 * (a pod's labels, a service's selector, a workload's matchLabels), with kubectl's errors.
 */
export function exposeSelector(obj: KubeObject, flag: string): Record<string, string> {
  if (flag) return parseLabels(flag);
  try {
    return selectorOf(obj);
  } catch (error) {
    throw new KubectlError(
      `error: couldn't retrieve selectors via --selector flag or introspection: ${(error as Error).message}`,
    );
  }
}

function selectorOf(obj: KubeObject): Record<string, string> {
  const spec = obj.spec ?? {};
  switch (obj.kind) {
    case "Pod":
      if (Object.keys(obj.metadata.labels ?? {}).length === 0)
        throw new Error("the pod has no labels and cannot be exposed");
      return { ...obj.metadata.labels };
    case "Service":
      if (Object.keys(spec.selector ?? {}).length === 0)
        throw new Error("the service has no pod selector set");
      return { ...spec.selector };
    case "ReplicationController":
      return { ...(spec.selector ?? {}) };
    default: {
      const selector = spec.selector ?? {};
      if ((selector.matchExpressions ?? []).length > 0)
        throw new Error(
          `couldn't convert expressions - "${JSON.stringify(selector.matchExpressions)}" to map-based selector format`,
        );
      return { ...(selector.matchLabels ?? {}) };
    }
  }
}

/** PortsForObject + ProtocolsForObject: container ports of a pod or template, or a service's ports. */
export function portsOf(obj: KubeObject): IntrospectedPort[] {
  const spec = obj.spec ?? {};
  if (obj.kind === "Service")
    return (spec.ports ?? []).map((p: { port: number; protocol?: string }) => ({
      port: p.port,
      protocol: p.protocol ?? "",
    }));
  const podSpec = obj.kind === "Pod" ? spec : spec.template?.spec;
  const containers: { ports?: { containerPort: number; protocol?: string }[] }[] = podSpec?.containers ?? [];
  return containers.flatMap((c) =>
    (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol ?? "" })),
  );
}
