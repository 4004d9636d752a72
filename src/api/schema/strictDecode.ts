/**
 * Unknown-field detection as the API server's strict field validation reports it
 * (sigs.k8s.io/json DisallowUnknownFields, wrapped by apimachinery's strictDecodingError).
 */
import { goQuote, sortedGoStrings } from "../../apimachinery/labels/goString";
import { definition, isFreeForm, kindFor, parseType, type TypeExpr } from "./table";

/** sigs.k8s.io/json stops collecting strict errors after this many. */
const MAX_STRICT_ERRORS = 100;

/**
 * Unknown fields of `obj` decoded as apiVersion/kind, each as `unknown field "spec.replicass"`.
 * Paths join struct fields with "." and list items with "[i]"
 * (`spec.template.spec.containers[0].imagee`), in the order the server meets them: kubectl
 * sends JSON marshalled from a map, so keys arrive sorted. Empty for an unsupported kind.
 * The server only reports these when decoding succeeded, so check typeErrors first.
 */
export function strictDecodeErrors(obj: unknown, apiVersion: string, kind: string): string[] {
  const errors: string[] = [];
  visitUnknownFields(obj, apiVersion, kind, (_, __, path) => errors.push(`unknown field ${goQuote(path)}`));
  return [...new Set(errors)].slice(0, MAX_STRICT_ERRORS);
}

/**
 * Removes the unknown fields, in place: what decoding into the typed object does to them when
 * field validation is Warn or Ignore (they are never stored).
 */
export function dropUnknownFields(obj: unknown, apiVersion: string, kind: string): void {
  visitUnknownFields(obj, apiVersion, kind, (container, key) => delete container[key]);
}

type UnknownFieldVisitor = (container: Record<string, unknown>, key: string, path: string) => void;

function visitUnknownFields(
  obj: unknown,
  apiVersion: string,
  kind: string,
  visit: UnknownFieldVisitor,
): void {
  const info = kindFor(apiVersion, kind);
  if (info) walk(obj, { kind: "ref", name: info.definition }, "", visit);
}

/**
 * The message apimachinery's strictDecodingError prints for these errors, e.g.
 * `strict decoding error: unknown field "a", unknown field "b"`; undefined when none.
 */
export function strictDecodingMessage(errors: readonly string[]): string | undefined {
  return errors.length === 0 ? undefined : `strict decoding error: ${errors.join(", ")}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function child(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

function walk(value: unknown, type: TypeExpr, path: string, visit: UnknownFieldVisitor): void {
  if (type.kind === "array" && Array.isArray(value)) {
    value.forEach((item, i) => walk(item, type.items, `${path}[${i}]`, visit));
  } else if (type.kind === "map" && isObject(value)) {
    for (const key of sortedGoStrings(Object.keys(value)))
      walk(value[key], type.values, child(path, key), visit);
  } else if (type.kind === "ref" && isObject(value)) {
    walkStruct(value, type.name, path, visit);
  }
}

function walkStruct(
  value: Record<string, unknown>,
  name: string,
  path: string,
  visit: UnknownFieldVisitor,
): void {
  const def = definition(name);
  if (isFreeForm(def)) return;
  for (const key of sortedGoStrings(Object.keys(value))) {
    const field = def.properties[key];
    if (!field) visit(value, key, child(path, key));
    else walk(value[key], parseType(field.type), child(path, key), visit);
  }
}
