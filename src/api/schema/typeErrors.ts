/**
 * JSON type errors as the API server's decoder (sigs.k8s.io/json, a fork of Go's
 * encoding/json) reports them when a manifest's value has the wrong JSON type, e.g.
 * `json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`.
 */
import { tryParseQuantity } from "../../apimachinery/quantity";
import { sortedGoStrings } from "../../apimachinery/labels/goString";
import { base64ErrorMessage, base64ErrorOffset } from "./goBase64";
import { defaultGoType, elementGoType } from "./goTypeName";
import { definition, isFreeForm, kindFor, parseType, shortName } from "./table";

/** Go's errorContext: the innermost struct being decoded and the JSON field names leading here. */
interface Context {
  struct: string;
  fields: string[];
}

/** Accumulates like Go's decodeState: the first saved error wins unless a fatal one stops decoding. */
class Decode {
  saved: string | undefined;
  fatal: string | undefined;
  save(message: string): void {
    this.saved ??= message;
  }
}

/**
 * The decode error the API server reports for `obj` as apiVersion/kind, as a one-element
 * list (Go's decoder keeps only the first type error, in the sorted key order kubectl sends),
 * or [] when the JSON types fit. Covers scalars, lists, maps and structs, int32/int64 range,
 * IntOrString, Quantity syntax and base64 in []byte fields. Empty for an unsupported kind.
 */
export function typeErrors(obj: unknown, apiVersion: string, kind: string): string[] {
  const info = kindFor(apiVersion, kind);
  if (!info || !isObject(obj)) return [];
  const d = new Decode();
  decodeStruct(d, obj, info.definition, { struct: "", fields: [] });
  const message = d.fatal ?? d.saved;
  return message === undefined ? [] : [message];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The word Go's decoder uses for a JSON value's kind in UnmarshalTypeError. */
function jsonKind(value: unknown): string {
  if (typeof value === "boolean") return "bool";
  if (Array.isArray(value)) return "array";
  return typeof value === "number" ? "number" : typeof value === "string" ? "string" : "object";
}

/** UnmarshalTypeError.Error() with the error context added (addErrorContext). */
function typeError(value: string, goType: string, ctx: Context): string {
  if (ctx.struct === "" && ctx.fields.length === 0)
    return `json: cannot unmarshal ${value} into Go value of type ${goType}`;
  return `json: cannot unmarshal ${value} into Go struct field ${ctx.struct}.${ctx.fields.join(".")} of type ${goType}`;
}

function decodeStruct(d: Decode, value: Record<string, unknown>, name: string, ctx: Context): void {
  const def = definition(name);
  if (isFreeForm(def)) return; // RawExtension, FieldsV1: custom unmarshalers keep raw JSON.
  for (const key of sortedGoStrings(Object.keys(value))) {
    const field = def.properties[key];
    if (!field) continue; // unknown fields are skipped here; strict decoding reports them.
    const goType = field.go ?? defaultGoType(field.type);
    decodeValue(d, value[key], field.type, goType, { struct: shortName(name), fields: [...ctx.fields, key] });
    if (d.fatal !== undefined) return;
  }
}

function decodeValue(d: Decode, value: unknown, type: string, goType: string, ctx: Context): void {
  if (value === null) return; // null leaves any Go value at its zero value.
  const expr = parseType(type);
  if (expr.kind === "array") {
    if (!Array.isArray(value)) return d.save(typeError(jsonKind(value), goType, ctx));
    for (const item of value) {
      decodeValue(d, item, type.slice(2), elementGoType(goType, type.slice(2)), ctx);
      if (d.fatal !== undefined) return;
    }
  } else if (expr.kind === "map") {
    if (!isObject(value)) return d.save(typeError(jsonKind(value), goType, ctx));
    const values = type.slice("map[string]".length);
    for (const key of sortedGoStrings(Object.keys(value))) {
      decodeValue(d, value[key], values, elementGoType(goType, values), ctx);
      if (d.fatal !== undefined) return;
    }
  } else if (expr.kind === "ref") {
    if (isObject(value)) decodeStruct(d, value, expr.name, ctx);
    else if (!isFreeForm(definition(expr.name))) d.save(typeError(jsonKind(value), goType, ctx));
  } else {
    decodeScalar(d, value, expr.name, goType, ctx);
  }
}

function decodeScalar(d: Decode, value: unknown, name: string, goType: string, ctx: Context): void {
  switch (name) {
    case "int-or-string":
      return decodeIntOrString(d, value, ctx);
    case "quantity":
      return decodeQuantity(d, value);
    case "time":
    case "microtime":
      // metav1.Time unmarshals into a Go string first; that error carries the context.
      if (typeof value !== "string") d.fatal = typeError(jsonKind(value), "string", ctx);
      return;
    case "integer":
      return decodeInteger(d, value, goType, ctx);
    case "number":
      if (typeof value !== "number") d.save(typeError(jsonKind(value), goType, ctx));
      return;
    case "boolean":
      if (typeof value !== "boolean") d.save(typeError(jsonKind(value), goType, ctx));
      return;
  }
  if (goType === "[]uint8" && typeof value === "string") return decodeBytes(d, value);
  if (typeof value !== "string") d.save(typeError(jsonKind(value), goType, ctx));
}

const INT_RANGES: Record<string, [number, number]> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

function fitsInt(value: number, goType: string): boolean {
  const [min, max] = INT_RANGES[goType] ?? INT_RANGES.int64;
  return Number.isInteger(value) && value >= min && value <= max;
}

function decodeInteger(d: Decode, value: unknown, goType: string, ctx: Context): void {
  if (typeof value !== "number") return d.save(typeError(jsonKind(value), goType, ctx));
  // Go reports the literal for a number that does not parse as this int type: "number 1.5".
  if (!fitsInt(value, goType)) d.save(typeError(`number ${String(value)}`, goType, ctx));
}

/** intstr.IntOrString.UnmarshalJSON: a JSON string, or else an int32; its error is fatal. */
function decodeIntOrString(d: Decode, value: unknown, ctx: Context): void {
  if (typeof value === "string") return;
  if (typeof value !== "number") d.fatal = typeError(jsonKind(value), "int32", ctx);
  else if (!fitsInt(value, "int32")) d.fatal = typeError(`number ${String(value)}`, "int32", ctx);
}

/** resource.Quantity.UnmarshalJSON: parses the string (or the number's text); its error is fatal and bare. */
function decodeQuantity(d: Decode, value: unknown): void {
  const text =
    typeof value === "string" ? value : typeof value === "number" ? String(value) : JSON.stringify(value);
  const parsed = tryParseQuantity(text.trim());
  if ("error" in parsed) d.fatal = parsed.error;
}

function decodeBytes(d: Decode, value: string): void {
  const offset = base64ErrorOffset(value);
  if (offset !== undefined) d.save(base64ErrorMessage(offset));
}
