/**
 * Which fields each kind accepts in a field selector, with the API server's wording
 * for the rest (pkg/apis/core/v1/conversion.go, pkg/apis/batch/v1/conversion.go and
 * apimachinery runtime.DefaultMetaV1FieldSelectorConversion for every other kind).
 */
import { FieldSelectorError, type FieldLabelConversion } from "./fieldSelector";
import { goQuote } from "./goString";

/** Field selector fields per core/v1 and batch/v1 kind, as Kubernetes 1.32 registers them. */
export const FIELD_LABELS: Readonly<Record<string, readonly string[]>> = {
  Pod: [
    "metadata.name",
    "metadata.namespace",
    "spec.nodeName",
    "spec.restartPolicy",
    "spec.schedulerName",
    "spec.serviceAccountName",
    "spec.hostNetwork",
    "status.phase",
    "status.podIP",
    "status.podIPs",
    "status.nominatedNodeName",
  ],
  Node: ["metadata.name", "spec.unschedulable"],
  ReplicationController: ["metadata.name", "metadata.namespace", "status.replicas"],
  Event: [
    "involvedObject.kind",
    "involvedObject.namespace",
    "involvedObject.name",
    "involvedObject.uid",
    "involvedObject.apiVersion",
    "involvedObject.resourceVersion",
    "involvedObject.fieldPath",
    "reason",
    "reportingComponent",
    "source",
    "type",
    "metadata.namespace",
    "metadata.name",
  ],
  Namespace: ["status.phase", "metadata.name"],
  Secret: ["type", "metadata.namespace", "metadata.name"],
  Service: ["metadata.namespace", "metadata.name", "spec.clusterIP", "spec.type"],
  Job: ["metadata.name", "metadata.namespace", "status.successful"],
};

function accepts(kind: string, field: string): boolean {
  if (Object.hasOwn(FIELD_LABELS, kind)) return FIELD_LABELS[kind].includes(field);
  return field === "metadata.name" || field === "metadata.namespace";
}

/**
 * The API server's field label conversion for `kind`. Pods also accept the legacy
 * `spec.host`, renamed to `spec.nodeName`. Kinds without their own table accept only
 * metadata.name and metadata.namespace and reject others with the generic message.
 */
export function fieldLabelConversion(kind: string): FieldLabelConversion {
  return (field, value) => {
    if (kind === "Pod" && field === "spec.host") return ["spec.nodeName", value];
    if (accepts(kind, field)) return [field, value];
    throw new FieldSelectorError(unsupportedMessage(kind, field));
  };
}

function unsupportedMessage(kind: string, field: string): string {
  if (kind === "Job") return `field label ${goQuote(field)} not supported for batchv1.Job`;
  if (Object.hasOwn(FIELD_LABELS, kind)) return `field label not supported: ${field}`;
  return `${goQuote(field)} is not a known field selector: only "metadata.name", "metadata.namespace"`;
}
