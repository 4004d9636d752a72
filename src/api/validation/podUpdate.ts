/**
 * ValidatePodUpdate: only container images, activeDeadlineSeconds (downwards), added
 * tolerations and cleared scheduling gates may change in a running pod's spec.
 */
import type { Container, Pod, PodSpec } from "kubernetes-types/core/v1";
import { type FieldError, child, forbidden, index, invalid, required } from "./fieldErrors";
import { validateObjectMetaUpdate } from "./objectMeta";
import { validatePodMetadataAndSpec } from "./podSpec";
import { semanticEqual } from "./semanticEqual";

const MAX_INT32 = 2147483647;

const UPDATABLE_FIELDS = [
  "`spec.containers[*].image`",
  "`spec.initContainers[*].image`",
  "`spec.activeDeadlineSeconds`",
  "`spec.tolerations` (only additions to existing tolerations)",
  "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
].join(",");

function validateContainerUpdates(
  next: readonly Container[] = [],
  prev: readonly Container[] = [],
  field: string,
): { errs: FieldError[]; stop: boolean } {
  if (next.length !== prev.length)
    return { errs: [forbidden(field, "pod updates may not add or remove containers")], stop: true };
  const errs: FieldError[] = [];
  next.forEach((c, i) => {
    if (!c.image) errs.push(required(child(index(field, i), "image")));
    if (c.image && c.image.trim() !== c.image)
      errs.push(
        invalid(child(index(field, i), "image"), c.image, "must not have leading or trailing whitespace"),
      );
  });
  return { errs, stop: false };
}

function validateActiveDeadline(next: PodSpec, prev: PodSpec): FieldError | undefined {
  const n = next.activeDeadlineSeconds;
  const o = prev.activeDeadlineSeconds;
  if (n !== undefined) {
    if (n < 0 || n > MAX_INT32)
      return invalid("spec.activeDeadlineSeconds", n, `must be between 0 and ${MAX_INT32}, inclusive`);
    if (o !== undefined && o < n)
      return invalid("spec.activeDeadlineSeconds", n, "must be less than or equal to previous value");
  } else if (o !== undefined) {
    return invalid(
      "spec.activeDeadlineSeconds",
      null,
      "must not update from a positive integer to nil value",
    );
  }
  return undefined;
}

/** The spec with every updatable field copied from the old spec, for the final comparison. */
function munge(next: PodSpec, prev: PodSpec): PodSpec {
  const withImages = (cs: Container[] | undefined, olds: Container[] | undefined) =>
    cs?.map((c, i) => ({ ...c, image: olds?.[i]?.image ?? c.image }));
  return {
    ...next,
    containers: withImages(next.containers, prev.containers) ?? [],
    initContainers: withImages(next.initContainers, prev.initContainers),
    activeDeadlineSeconds: prev.activeDeadlineSeconds,
    tolerations: prev.tolerations,
    schedulingGates: prev.schedulingGates,
  };
}

/** A short stand-in for Go's cmp.Diff: the spec fields that differ (documented deviation). */
function specDiff(a: PodSpec, b: PodSpec): string {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const changed = keys.filter(
    (k) =>
      !semanticEqual(
        (a as unknown as Record<string, unknown>)[k],
        (b as unknown as Record<string, unknown>)[k],
      ),
  );
  return (
    "  core.PodSpec{\n" +
    changed.map((k) => `  \t${k[0].toUpperCase()}${k.slice(1)}: ...changed...\n`).join("") +
    "  }\n"
  );
}

/** ValidatePodUpdate: metadata update rules, pod rules, then the spec immutability rules. */
export function validatePodUpdate(pod: Pod, old: Pod): FieldError[] {
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata);
  errs.push(...validatePodMetadataAndSpec(pod));
  const next = pod.spec ?? { containers: [] };
  const prev = old.spec ?? { containers: [] };
  for (const list of ["containers", "initContainers"] as const) {
    const r = validateContainerUpdates(next[list], prev[list], `spec.${list}`);
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  const deadline = validateActiveDeadline(next, prev);
  if (deadline) return [...errs, deadline];
  const removed = (prev.tolerations ?? []).filter(
    (t) => !(next.tolerations ?? []).some((n) => semanticEqual(n, t)),
  );
  if (removed.length)
    errs.push(
      forbidden("spec.tolerations", "existing toleration can not be modified except its tolerationSeconds"),
    );
  if (semanticEqual(next, prev)) return errs;
  const munged = munge(next, prev);
  if (!semanticEqual(munged, prev)) {
    errs.push(
      forbidden(
        "spec",
        `pod updates may not change fields other than ${UPDATABLE_FIELDS}\n${specDiff(prev, munged)}`,
      ),
    );
  }
  return errs;
}
