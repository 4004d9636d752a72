import { isValidLabelValue } from "../../apimachinery/labels";
import { KubectlError, type Verb } from "../verb";
import { type MetadataVerbSpec, metadataFlags, type PairUpdate, runMetadataUpdate } from "./metadataUpdate";

/**
 * parseLabels: `key=value` (exactly one `=`, a valid label value) or `key-`; a key may not
 * be both set and removed.
 */
export function parseLabelPairs(pairs: string[]): PairUpdate {
  const add = new Map<string, string>();
  const remove: string[] = [];
  for (const pair of pairs) {
    if (pair.includes("=")) {
      const parts = pair.split("=");
      if (parts.length !== 2) throw new KubectlError(`error: invalid label spec: ${pair}`);
      const errors = isValidLabelValue(parts[1]);
      if (errors.length > 0)
        throw new KubectlError(`error: invalid label value: "${pair}": ${errors.join(";")}`);
      add.set(parts[0], parts[1]);
    } else if (pair.endsWith("-")) {
      remove.push(pair.slice(0, -1));
    } else {
      throw new KubectlError(`error: unknown label spec: ${pair}`);
    }
  }
  if (remove.some((key) => add.has(key)))
    throw new KubectlError("error: can not both modify and remove a label in the same command");
  return { add, remove };
}

/** validateNoOverwrites: one error per changed key, aggregated as utilerrors prints them. */
function checkLabelOverwrites(current: Record<string, string>, add: Map<string, string>): void {
  const errors: string[] = [];
  for (const [key, value] of add) {
    if (key in current && current[key] !== value)
      errors.push(`'${key}' already has a value (${current[key]}), and --overwrite is false`);
  }
  if (errors.length === 1) throw new KubectlError(`error: ${errors[0]}`);
  if (errors.length > 1) throw new KubectlError(`error: [${errors.join(", ")}]`);
}

/** updateDataChangeMsg: unchanged → "not labeled"; shrunk without --overwrite → "unlabeled". */
export function labelOutcome(before: string, after: string, overwrite: boolean): string {
  if (before === after) return "not labeled";
  return !overwrite && after.length < before.length ? "unlabeled" : "labeled";
}

const LABEL_SPEC: MetadataVerbSpec = {
  pairType: "label",
  field: "labels",
  sampleFile: "pod",
  parsePairs: parseLabelPairs,
  checkOverwrites: checkLabelOverwrites,
  outcome: labelOutcome,
  reportsMissingRemovals: true,
  checksOutputFirst: false,
};

/** `kubectl label`: sets (`key=value`) or removes (`key-`) labels on objects. */
export const labelVerb: Verb = {
  name: "label",
  short: "Update the labels on a resource",
  usage:
    "kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]",
  flags: metadataFlags(
    "label",
    "If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels.",
    "If true, display the labels for a given resource.",
    "If true, label will NOT contact api-server but run locally.",
  ),
  run: (ctx) => runMetadataUpdate(ctx, LABEL_SPEC),
};
