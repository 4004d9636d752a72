import { KubectlError, type Verb } from "../verb";
import { type MetadataVerbSpec, metadataFlags, type PairUpdate, runMetadataUpdate } from "./metadataUpdate";

/** The annotation kubectl --record writes; annotate may always overwrite it. */
const CHANGE_CAUSE = "kubernetes.io/change-cause";

/** ParsePairs(…, "annotation", true) and validateAnnotations: `key=value` (split at the first `=`) or `key-`. */
export function parseAnnotationPairs(pairs: string[]): PairUpdate {
  const add = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at > 0) add.set(pair.slice(0, at), pair.slice(at + 1));
    else if (pair.endsWith("-") && pair !== "-") remove.push(pair.slice(0, -1));
    else invalid.push(pair);
  }
  if (invalid.length > 0) throw new KubectlError(`error: invalid annotation format: ${invalid.join(", ")}`);
  const both = remove.filter((key) => add.has(key));
  if (both.length > 0) {
    throw new KubectlError(
      `error: can not both modify and remove the following annotation(s) in the same command: ${both.join(", ")}`,
    );
  }
  return { add, remove };
}

function checkAnnotationOverwrites(current: Record<string, string>, add: Map<string, string>): void {
  const found: string[] = [];
  for (const [key, value] of add) {
    if (key === CHANGE_CAUSE) continue;
    if (key in current && current[key] !== value)
      found.push(`'${key}' already has a value (${current[key]})`);
  }
  if (found.length > 0) {
    throw new KubectlError(
      `error: --overwrite is false but found the following declared annotation(s): ${found.join("; ")}`,
    );
  }
}

const ANNOTATE_SPEC: MetadataVerbSpec = {
  pairType: "annotation",
  field: "annotations",
  sampleFile: "rsrc",
  parsePairs: parseAnnotationPairs,
  checkOverwrites: checkAnnotationOverwrites,
  // annotate has no change detection: it always reports "annotated".
  outcome: () => "annotated",
  reportsMissingRemovals: false,
  checksOutputFirst: true,
};

/** `kubectl annotate`: sets (`key=value`) or removes (`key-`) annotations on objects. */
export const annotateVerb: Verb = {
  name: "annotate",
  short: "Update the annotations on a resource",
  usage:
    "kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]",
  flags: metadataFlags(
    "annotation",
    "If true, allow annotations to be overwritten, otherwise reject annotation updates that overwrite existing annotations.",
    "If true, display the annotations for a given resource.",
    "If true, annotation will NOT contact api-server but run locally.",
  ),
  run: (ctx) => runMetadataUpdate(ctx, ANNOTATE_SPEC),
};
