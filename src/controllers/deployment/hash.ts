/**
 * The pod-template-hash: controller.ComputeHash (pkg/controller/controller_utils.go).
 *
 * Kubernetes hashes the Go struct of the PodTemplateSpec printed by go-spew
 * (hashutil.DeepHashObject), which depends on Go field order, pointer types and the Kubernetes
 * version's struct definitions; a JSON engine cannot reproduce those bytes. So kubeplay hashes a
 * canonical JSON of the template (keys sorted, empty values dropped) with the same FNV-32a,
 * the same collisionCount bytes and the same rand.SafeEncodeString. Names have the real shape
 * (up to 10 characters from "bcdfghjklmnpqrstvwxz2456789", in practice only 4-9, b, c, d, f)
 * but not the real values.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** k8s.io/apimachinery/pkg/util/rand's alphanums. */
const SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/** FNV-1a 32-bit over bytes, continuing from `hash`. */
export function fnv32a(bytes: Uint8Array, hash = FNV_OFFSET): number {
  let h = hash >>> 0;
  for (const byte of bytes) {
    h ^= byte;
    h = Math.imul(h, FNV_PRIME) >>> 0;
  }
  return h;
}

/** rand.SafeEncodeString: each byte mapped into the alphabet (no vowels, no look-alikes). */
export function safeEncodeString(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/**
 * ComputeHash: FNV-32a of the template, then (when set) the collisionCount as 8 little-endian
 * bytes, the decimal sum safe-encoded. A collision bumps collisionCount to get a new name.
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  let h = fnv32a(new TextEncoder().encode(canonicalJson(template)));
  if (collisionCount !== undefined) {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(bytes, h);
  }
  return safeEncodeString(String(h));
}

/**
 * JSON with object keys sorted and null, undefined and empty lists dropped: two templates
 * Kubernetes' semantic equality calls equal (nil and empty slices alike) print the same.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value)) ?? "null";
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[key] = canonical(v);
  }
  return out;
}
