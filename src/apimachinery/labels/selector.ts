/**
 * Label selectors (k8s.io/apimachinery/pkg/labels Selector): parse a selector
 * string, build one from a label set, match labels, print the canonical form.
 */
import { compareGoStrings } from "./goString";
import { parseRequirements } from "./parser";
import {
  type Labels,
  newRequirement,
  type Requirement,
  requirementMatches,
  requirementToString,
} from "./requirement";

/** A label selector: an AND of requirements, or Nothing (matches no object). */
export interface Selector {
  /** True when every requirement matches `labels` (always false for Nothing). */
  matches(labels: Labels): boolean;
  /** True when the selector does not restrict anything (Everything); false for Nothing. */
  empty(): boolean;
  /** The canonical string: requirements sorted by key, joined by ","; "" for Everything and Nothing. */
  toString(): string;
  /** The requirements, sorted by key (empty for Everything and Nothing). */
  requirements(): readonly Requirement[];
  /** False only for Nothing, the selector of a nil LabelSelector. */
  selectable(): boolean;
  /** A new selector with these requirements added and all re-sorted by key. */
  add(...requirements: Requirement[]): Selector;
  /** The single value `label` must have (=, == or a one-value in), if the selector requires one. */
  requiresExactMatch(label: string): string | undefined;
}

function sortByKey(requirements: Requirement[]): Requirement[] {
  // Array.prototype.sort is stable, so equal keys keep their order, as Go's small-slice sort does.
  return requirements.sort((a, b) => compareGoStrings(a.key, b.key));
}

class InternalSelector implements Selector {
  private readonly reqs: readonly Requirement[];
  constructor(requirements: readonly Requirement[]) {
    this.reqs = Object.freeze([...requirements]);
  }
  matches(labels: Labels): boolean {
    return this.reqs.every((r) => requirementMatches(r, labels));
  }
  empty(): boolean {
    return this.reqs.length === 0;
  }
  toString(): string {
    return this.reqs.map(requirementToString).join(",");
  }
  requirements(): readonly Requirement[] {
    return this.reqs;
  }
  selectable(): boolean {
    return true;
  }
  add(...requirements: Requirement[]): Selector {
    return new InternalSelector(sortByKey([...this.reqs, ...requirements]));
  }
  requiresExactMatch(label: string): string | undefined {
    const r = this.reqs.find((req) => req.key === label);
    if (!r || r.values.length !== 1) return undefined;
    return r.operator === "=" || r.operator === "==" || r.operator === "in" ? r.values[0] : undefined;
  }
}

const NOTHING: Selector = Object.freeze({
  matches: () => false,
  empty: () => false,
  toString: () => "",
  requirements: () => [],
  selectable: () => false,
  add: () => NOTHING,
  requiresExactMatch: () => undefined,
});

const EVERYTHING: Selector = new InternalSelector([]);

/** labels.Everything(): matches every object, prints as "". */
export function everything(): Selector {
  return EVERYTHING;
}

/** labels.Nothing(): matches no object (what a nil LabelSelector means). */
export function nothing(): Selector {
  return NOTHING;
}

/**
 * labels.Parse: parses `key=value`, `key==value`, `key!=value`, `key in (a,b)`,
 * `key notin (a,b)`, `key`, `!key`, `key>1`, `key<1`, comma-separated; "" is Everything.
 * Throws SelectorParseError with apimachinery's message.
 */
export function parseSelector(text: string): Selector {
  return new InternalSelector(parseRequirements(text));
}

/** A selector over already-built requirements, sorted by key (labels.NewSelector().Add). */
export function selectorFromRequirements(requirements: readonly Requirement[]): Selector {
  return new InternalSelector(sortByKey([...requirements]));
}

/**
 * labels.SelectorFromSet: `key=value` for every entry, sorted by key; an empty or
 * absent set is Everything. Like Kubernetes it does not validate keys or values.
 */
export function selectorFromSet(set: Labels): Selector {
  const keys = Object.keys(set ?? {}).sort(compareGoStrings);
  return new InternalSelector(keys.map((k) => ({ key: k, operator: "=", values: [set![k]] })));
}

/**
 * labels.ValidatedSelectorFromSet: like selectorFromSet but validates each key and
 * value as a requirement would. Throws InvalidRequirementError.
 */
export function validatedSelectorFromSet(set: Labels): Selector {
  const keys = Object.keys(set ?? {}).sort(compareGoStrings);
  return new InternalSelector(keys.map((k) => newRequirement(k, "=", [set![k]])));
}

/**
 * labels.FormatLabels: `k1=v1,k2=v2` sorted, or `<none>` for no labels
 * (the LABELS column of `kubectl get --show-labels`).
 */
export function formatLabels(labels: Labels): string {
  const pairs = Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`);
  return pairs.length ? pairs.sort(compareGoStrings).join(",") : "<none>";
}
