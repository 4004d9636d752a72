/**
 * Container resource requirements (core validation ValidateResourceRequirements and the
 * resource-name helpers of pkg/apis/core/helper): names, non-negative quantities,
 * integer-only resources, requests <= limits, extended resources requests == limits.
 */
import type { ResourceRequirements } from "kubernetes-types/core/v1";
import { isQualifiedName } from "../../apimachinery/labels/labelValidation";
import { type Quantity, parseQuantityValue } from "../../apimachinery/quantity";
import { type FieldError, child, forbidden, invalid, key, required } from "./fieldErrors";
import { IS_NEGATIVE, sortedKeys } from "./objectMeta";

const STANDARD_CONTAINER_RESOURCES = new Set(["cpu", "memory", "ephemeral-storage"]);
const STANDARD_RESOURCES = new Set([
  "cpu",
  "memory",
  "ephemeral-storage",
  "requests.cpu",
  "requests.memory",
  "requests.ephemeral-storage",
  "limits.cpu",
  "limits.memory",
  "limits.ephemeral-storage",
  "pods",
  "resourcequotas",
  "services",
  "replicationcontrollers",
  "secrets",
  "configmaps",
  "persistentvolumeclaims",
  "storage",
  "requests.storage",
  "services.nodeports",
  "services.loadbalancers",
]);
const INTEGER_RESOURCES = new Set([
  "pods",
  "resourcequotas",
  "services",
  "replicationcontrollers",
  "secrets",
  "configmaps",
  "persistentvolumeclaims",
  "services.nodeports",
  "services.loadbalancers",
]);

const isHugePages = (name: string): boolean => name.startsWith("hugepages-");
/** IsNativeResource: no domain, or in kubernetes.io. */
const isNative = (name: string): boolean => !name.includes("/") || name.includes("kubernetes.io/");
/** IsExtendedResourceName: a non-native, quota-able qualified name (e.g. example.com/gpu). */
const isExtended = (name: string): boolean =>
  !isNative(name) && !name.startsWith("requests.") && isQualifiedName("requests." + name).length === 0;
const isStandard = (name: string): boolean => STANDARD_RESOURCES.has(name) || isHugePages(name);
/** IsOvercommitAllowed: native and not huge pages. */
export const isOvercommitAllowed = (name: string): boolean => isNative(name) && !isHugePages(name);

function validateResourceName(name: string, field: string): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalid(field, name, m));
  if (errs.length) return errs;
  if (!name.includes("/") && !isStandard(name))
    return [invalid(field, name, "must be a standard resource type or fully qualified")];
  return [];
}

function validateContainerResourceName(name: string, field: string): FieldError[] {
  const errs = validateResourceName(name, field);
  if (!name.includes("/")) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name)) {
      errs.push(invalid(field, name, "must be a standard resource for containers"));
    }
  } else if (!isNative(name) && !isExtended(name)) {
    errs.push(invalid(field, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

/** ValidateResourceQuantityValue: non-negative, and whole for integer resources. */
export function validateResourceQuantity(name: string, q: Quantity, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (q.sign() < 0) errs.push(invalid(field, q.toString(), IS_NEGATIVE));
  if ((INTEGER_RESOURCES.has(name) || isExtended(name)) && q.milliValue() % 1000 !== 0) {
    errs.push(invalid(field, q.toString(), "must be an integer"));
  }
  return errs;
}

type ResourceList = Record<string, string | number>;

/** Parses a resource list; unparsable entries are skipped (the decoder rejects them first). */
function parsed(list: ResourceList | undefined): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  for (const name of sortedKeys(list)) {
    try {
      out.set(name, parseQuantityValue(list![name]));
    } catch {
      // Not reachable through the API server: decoding fails before validation.
    }
  }
  return out;
}

function validateRequest(
  name: string,
  q: Quantity,
  limits: Map<string, Quantity>,
  field: string,
): FieldError[] {
  const reqPath = child(field, "requests");
  const limit = limits.get(name);
  if (limit === undefined) {
    return isOvercommitAllowed(name)
      ? []
      : [required(child(field, "limits"), "Limit must be set for non overcommitable resources")];
  }
  if (q.cmp(limit) !== 0 && !isOvercommitAllowed(name)) {
    return [invalid(reqPath, q.toString(), `must be equal to ${name} limit of ${limit.toString()}`)];
  }
  if (q.cmp(limit) > 0)
    return [
      invalid(reqPath, q.toString(), `must be less than or equal to ${name} limit of ${limit.toString()}`),
    ];
  return [];
}

/** ValidateResourceRequirements for a container's `resources`. */
export function validateResourceRequirements(
  res: ResourceRequirements | undefined,
  field: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const limits = parsed(res?.limits as ResourceList | undefined);
  const requests = parsed(res?.requests as ResourceList | undefined);
  for (const [name, q] of limits) {
    const path = key(child(field, "limits"), name);
    errs.push(...validateContainerResourceName(name, path), ...validateResourceQuantity(name, q, path));
  }
  for (const [name, q] of requests) {
    const path = key(child(field, "requests"), name);
    errs.push(...validateContainerResourceName(name, path), ...validateResourceQuantity(name, q, path));
    errs.push(...validateRequest(name, q, limits, field));
  }
  const names = [...limits.keys(), ...requests.keys()];
  if (names.some(isHugePages) && !names.some((n) => n === "cpu" || n === "memory")) {
    errs.push(forbidden(field, "HugePages require cpu or memory"));
  }
  return errs;
}
