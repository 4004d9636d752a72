import { goJsonEncode } from "../../../apimachinery/patch/goJson";
import type { KubeObject } from "../../../api/types";
import { sha256Hex } from "../../../util/sha256";

/**
 * `--append-hash`: kubectl's hash of a generated ConfigMap or Secret (pkg/util/hash), appended
 * to its name so that changed content makes a new object (what kustomize's generators do too).
 * The SHA-256 of the Go JSON of a few fields, its first ten hex digits with 0, 1, 3, a and e
 * swapped for letters, so that the suffix never looks like a number or spells a word.
 */
export function nameWithContentHash(obj: KubeObject): string {
  const fields: Record<string, unknown> =
    obj.kind === "Secret"
      ? { kind: "Secret", type: obj.type ?? "", name: obj.metadata.name, data: obj.data ?? {} }
      : { kind: "ConfigMap", name: obj.metadata.name, data: obj.data ?? {} };
  if (obj.immutable !== undefined) fields.immutable = obj.immutable;
  if (obj.kind === "ConfigMap" && obj.binaryData && Object.keys(obj.binaryData).length > 0)
    fields.binaryData = obj.binaryData;
  // Go marshals a map with its keys sorted.
  const digest = sha256Hex(goJsonEncode(fields as Parameters<typeof goJsonEncode>[0], true));
  return `${obj.metadata.name}-${digest.slice(0, 10).replace(/[013ae]/g, (c) => SWAPS[c])}`;
}

const SWAPS: Record<string, string> = { "0": "g", "1": "h", "3": "k", a: "m", e: "t" };
