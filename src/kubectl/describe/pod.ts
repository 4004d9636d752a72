import type { Pod } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/types";
import { translateTimestampSince } from "../../apimachinery/duration";
import { qosClass } from "../../api/qos";
import { PrefixWriter } from "./prefixWriter";
import {
  controllerOf,
  type DescribeContext,
  describeContainers,
  describeEvents,
  describeVolumes,
  printAnnotations,
  printLabels,
  printTolerations,
  rfc1123z,
} from "./sections";

/** describePod: identity, placement, status, containers, conditions, volumes, QoS and events. */
export function describePod(obj: KubeObject, ctx: DescribeContext): string {
  const pod = obj as Pod & KubeObject;
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${pod.metadata.name}\n`);
  w.write(0, `Namespace:\t${pod.metadata.namespace}\n`);
  if (spec.priority !== undefined) w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ""}\n` : "Node:\t<none>\n");
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  printLabels(w, "Labels", pod.metadata.labels);
  printAnnotations(w, "Annotations", pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && status.phase !== "Failed" && status.phase !== "Succeeded") {
    w.write(
      0,
      `Status:\tTerminating (lasts ${translateTimestampSince(pod.metadata.deletionTimestamp, ctx.nowMs)})\n`,
    );
    w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(0, `Status:\t${status.phase ?? ""}\n`);
  }
  if (status.reason) w.write(0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(0, `Message:\t${status.message}\n`);
  w.write(0, `IP:\t${status.podIP ?? ""}\n`);
  if (!status.podIPs?.length) w.write(0, "IPs:\t<none>\n");
  else {
    w.write(0, "IPs:\n");
    for (const ip of status.podIPs) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const controlledBy = controllerOf(pod);
  if (controlledBy) w.write(0, `Controlled By:\t${controlledBy}\n`);
  if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if (spec.initContainers?.length)
    describeContainers(w, "Init Containers", spec.initContainers, status.initContainerStatuses ?? [], "");
  describeContainers(w, "Containers", spec.containers ?? [], status.containerStatuses ?? [], "");
  if (status.conditions?.length) {
    w.write(0, "Conditions:\n  Type\tStatus\n");
    for (const c of status.conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec.volumes ?? [], "");
  w.write(0, `QoS Class:\t${qosClass(pod)}\n`);
  printLabels(w, "Node-Selectors", spec.nodeSelector);
  printTolerations(w, "Tolerations", spec.tolerations);
  describeEvents(w, pod, ctx);
  return w.toString();
}
