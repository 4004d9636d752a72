/**
 * maxSurge and maxUnavailable as numbers: intstr.GetScaledValueFromIntOrPercent and
 * deploymentutil.ResolveFenceposts / MaxSurge / MaxUnavailable.
 */
import type { KubeObject } from "../../api/types";
import { specReplicas } from "../replicaset/podUtil";

/**
 * GetValueFromIntOrPercent: an int as is, "N%" of `total` rounded up or down. Throws Go's
 * message for a string that is not a percentage.
 */
export function valueFromIntOrPercent(
  value: number | string | undefined,
  total: number,
  roundUp: boolean,
): number {
  if (value === undefined) return 0;
  if (typeof value === "number") return value;
  const match = /^(-?\d+)%$/.exec(value);
  if (!match) throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage`);
  const scaled = (Number(match[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/**
 * ResolveFenceposts: surge rounds up, unavailable rounds down; when both come to 0,
 * unavailable is 1 so a rollout can still move.
 */
export function resolveFenceposts(
  maxSurge: number | string | undefined,
  maxUnavailable: number | string | undefined,
  desired: number,
): [number, number] {
  const surge = valueFromIntOrPercent(maxSurge ?? 0, desired, true);
  let unavailable = valueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

/** IsRollingUpdate. */
export function isRollingUpdate(d: KubeObject): boolean {
  return d.spec?.strategy?.type === "RollingUpdate";
}

/** MaxSurge: 0 unless RollingUpdate. */
export function maxSurge(d: KubeObject): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec.strategy.rollingUpdate ?? {};
  return resolveFenceposts(ru.maxSurge, ru.maxUnavailable, specReplicas(d))[0];
}

/** MaxUnavailable: 0 unless RollingUpdate with replicas, never more than replicas. */
export function maxUnavailable(d: KubeObject): number {
  const replicas = specReplicas(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const ru = d.spec.strategy.rollingUpdate ?? {};
  return Math.min(resolveFenceposts(ru.maxSurge, ru.maxUnavailable, replicas)[1], replicas);
}
