import { StatusError } from "../api/errors";
import type { ResourceType } from "../api/registry";
import { notFound } from "../api/errors";
import type { KubeObject } from "../api/types";
import {
  fieldLabelConversion,
  parseFieldSelector,
  parseSelector,
  type FieldSelector,
  type Selector,
} from "../apimachinery/labels";
import type { Cluster } from "../cluster";
import type { ResourceRequest } from "./resources";

/** Where and how to look: the namespace scope and the selectors of a list. */
export interface QueryScope {
  namespace: string;
  allNamespaces: boolean;
  labelSelector?: string;
  fieldSelector?: string;
}

/** The objects found, in request order, and the errors for named objects that were not. */
export interface QueryResult {
  objects: KubeObject[];
  errors: StatusError[];
}

/**
 * Reads what resource requests ask for, as the API server answers list and get requests:
 * lists filtered by label and field selectors, named objects fetched one by one.
 */
export function queryObjects(cluster: Cluster, requests: ResourceRequest[], scope: QueryScope): QueryResult {
  const result: QueryResult = { objects: [], errors: [] };
  for (const request of requests) {
    const namespace = request.type.namespaced ? scope.namespace : "";
    if (request.names) {
      for (const name of request.names) {
        const obj = cluster.store.get(request.type.kind, namespace, name);
        if (obj) result.objects.push(obj);
        else result.errors.push(notFound(request.type, name));
      }
      continue;
    }
    result.objects.push(...listObjects(cluster, request.type, scope));
  }
  return result;
}

/** One list request: every object of a type in scope that matches the selectors. */
export function listObjects(cluster: Cluster, type: ResourceType, scope: QueryScope): KubeObject[] {
  const selected = selectorsMatcher(type, scope);
  const namespace = !type.namespaced ? "" : scope.allNamespaces ? undefined : scope.namespace;
  return cluster.store.list(type.kind, namespace).filter(selected);
}

/**
 * Whether an object of `type` is one a list request in `scope` returns (namespace, label and
 * field selectors): what a watch with the same options delivers events for.
 */
export function scopeMatcher(type: ResourceType, scope: QueryScope): (obj: KubeObject) => boolean {
  const selected = selectorsMatcher(type, scope);
  const inNamespace = (obj: KubeObject) =>
    !type.namespaced || scope.allNamespaces || (obj.metadata.namespace ?? "") === scope.namespace;
  return (obj) => obj.kind === type.kind && inNamespace(obj) && selected(obj);
}

function selectorsMatcher(type: ResourceType, scope: QueryScope): (obj: KubeObject) => boolean {
  const labels = compileLabelSelector(type, scope.labelSelector);
  const fields = compileFieldSelector(type, scope.fieldSelector);
  return (obj) =>
    (!labels || labels.matches(obj.metadata.labels ?? {})) &&
    (!fields || fields.matches((field) => fieldValue(obj, field)));
}

function compileLabelSelector(type: ResourceType, text: string | undefined): Selector | undefined {
  if (!text) return undefined;
  try {
    return parseSelector(text);
  } catch (error) {
    throw new StatusError(
      "BadRequest",
      `Unable to find "${groupVersionResource(type)}" that match label selector "${text}", field selector "": ${(error as Error).message}`,
    );
  }
}

function compileFieldSelector(type: ResourceType, text: string | undefined): FieldSelector | undefined {
  if (!text) return undefined;
  try {
    return parseFieldSelector(text, fieldLabelConversion(type.kind));
  } catch (error) {
    throw new StatusError("BadRequest", (error as Error).message);
  }
}

/** `/v1, Resource=pods` or `apps/v1, Resource=deployments`, as schema.GroupVersionResource prints. */
function groupVersionResource(type: ResourceType): string {
  return `${type.group}/${type.version}, Resource=${type.plural}`;
}

/** The value of a selectable field (metadata.name, status.phase, spec.nodeName …). */
function fieldValue(obj: KubeObject, field: string): string | undefined {
  let value: unknown = obj;
  for (const part of field.split(".")) {
    if (value === null || typeof value !== "object") return "";
    value = (value as Record<string, unknown>)[part];
  }
  if (value === undefined || value === null) return "";
  return String(value);
}
