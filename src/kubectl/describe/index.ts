import type { KubeObject } from "../../api/types";
import { describeConfigMap, describeCronJob, describeNamespace, describeSecret } from "./misc";
import { describeNode } from "./node";
import { describePod } from "./pod";
import type { DescribeContext } from "./sections";
import { describeEndpoints, describeService } from "./service";
import { describeDeployment, describeJob, describeReplicaSet } from "./workloads";

export type { DescribeContext } from "./sections";

const DESCRIBERS: Record<string, (obj: KubeObject, ctx: DescribeContext) => string> = {
  ConfigMap: describeConfigMap,
  CronJob: describeCronJob,
  Deployment: describeDeployment,
  Endpoints: describeEndpoints,
  Job: describeJob,
  Namespace: describeNamespace,
  Node: describeNode,
  Pod: describePod,
  ReplicaSet: describeReplicaSet,
  Secret: describeSecret,
  Service: describeService,
};

/**
 * `kubectl describe`'s text for one object, as kubectl/pkg/describe lays it out for its
 * kind; undefined for kinds without a describer (the verb then uses the generic one).
 */
export function describeObject(obj: KubeObject, ctx: DescribeContext): string | undefined {
  return DESCRIBERS[obj.kind]?.(obj, ctx);
}
