/**
 * Plain JSON values as the patch machinery sees them, plus the few Go behaviours the
 * Kubernetes patch code leaks into its results and error texts: Go's dynamic type names
 * (`reflect.TypeOf`), `fmt`'s `%v` rendering, and Go's sort algorithm for small slices.
 */

/** A JSON value. `undefined` never appears: a missing key is an absent key. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

/** A JSON object (Go: `map[string]interface{}`). */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True when `key` is an own key of `obj` (Go: `_, ok := m[key]`). */
export function hasKey(obj: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** A deep copy, so that patch functions never mutate their callers' documents. */
export function deepClone<T extends JsonValue>(value: T): T {
  return structuredClone(value);
}

/** Structural equality (Go: `reflect.DeepEqual` on decoded JSON). Key order is ignored. */
export function deepEqual(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((k) => hasKey(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/**
 * The Go dynamic type of a value decoded by `k8s.io/apimachinery/pkg/util/json`, which
 * turns integral numbers into int64 and the rest into float64. Kubernetes compares these
 * to decide between "merge" and "replace", and prints them in error messages.
 */
export function goTypeName(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return "<nil>";
  if (Array.isArray(value)) return "[]interface {}";
  switch (typeof value) {
    case "string":
      return "string";
    case "boolean":
      return "bool";
    case "number":
      return Number.isInteger(value) ? "int64" : "float64";
    default:
      return "map[string]interface {}";
  }
}

/** Go's `%v` form of a float64: shortest digits, exponent form outside [1e-4, 1e6). */
export function goFloat(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? "+Inf" : n < 0 ? "-Inf" : "NaN";
  const [mantissa, expText] = n.toExponential().split("e");
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? "-" : "+";
    return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  return String(n);
}

/** Go `fmt.Sprintf("%v", value)` for decoded JSON (maps print with sorted keys). */
export function goSprint(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return "<nil>";
  if (Array.isArray(value)) return `[${value.map(goSprint).join(" ")}]`;
  if (isJsonObject(value)) {
    const keys = Object.keys(value).sort();
    return `map[${keys.map((k) => `${k}:${goSprint(value[k])}`).join(" ")}]`;
  }
  if (typeof value === "number") return Number.isSafeInteger(value) ? String(value) : goFloat(value);
  return String(value);
}

/**
 * Go's `insertionSort`, which `sort.Sort`/`sort.SliceStable` use for short slices. Kubernetes
 * passes some non-strict `less` functions (`a <= b`, "true when not found"); replaying the
 * same algorithm keeps our element orders identical to theirs for any list under 13 items.
 */
export function goInsertionSort<T>(items: T[], less: (a: T, b: T) => boolean): T[] {
  const out = items.slice();
  for (let i = 1; i < out.length; i++) {
    for (let j = i; j > 0 && less(out[j], out[j - 1]); j--) {
      [out[j], out[j - 1]] = [out[j - 1], out[j]];
    }
  }
  return out;
}
