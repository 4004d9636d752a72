import type { Container } from "kubernetes-types/core/v1";
import { typeOfKind } from "../../api/registry";
import { clone, type KubeObject } from "../../api/types";
import { formatError } from "../errorText";
import { KubectlError, type VerbContext } from "../verb";
import { resolveTargets } from "./resourceTargets";
import { objectPrintFlags } from "../print";
import { dryRunOf, printOutcome } from "./writeOutcome";

/** Where each kind keeps its pod spec. */
const POD_SPEC_PATH: Record<string, string[]> = {
  Pod: ["spec"],
  Deployment: ["spec", "template", "spec"],
  ReplicaSet: ["spec", "template", "spec"],
  Job: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"],
};

/** A copy of the object and its pod spec's containers (init containers first), for `kubectl set …` to edit. */
export function editableContainers(obj: KubeObject): {
  copy: KubeObject;
  containers: Container[];
  regular: Container[];
} {
  const path = POD_SPEC_PATH[obj.kind];
  if (!path) {
    throw new KubectlError(
      `error: ${typeOfKind(obj.kind)?.plural ?? obj.kind}/${obj.metadata.name} does not have a pod template`,
    );
  }
  const copy = clone(obj);
  let spec: unknown = copy;
  for (const key of path) spec = (spec as Record<string, unknown> | undefined)?.[key];
  const podSpec = spec as { initContainers?: Container[]; containers?: Container[] } | undefined;
  const regular = podSpec?.containers ?? [];
  return { copy, containers: [...(podSpec?.initContainers ?? []), ...regular], regular };
}

/** The containers `-c/--containers` selects: a name, or a shell-style pattern (`*` = all). */
export function selectContainers(containers: Container[], pattern: string): Container[] {
  const regex = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
  return containers.filter((c) => regex.test(c.name));
}

/**
 * Applies `edit` to each target's pod template and writes the changed ones, printing
 * `<type>/<name> <done>` (e.g. `resource requirements updated`) as `kubectl set …` does.
 */
export function updateTemplates(
  ctx: VerbContext,
  resources: string[],
  edit: (obj: KubeObject) => KubeObject | undefined,
  done: string,
): number {
  const dryRun = dryRunOf(ctx);
  objectPrintFlags(ctx);
  const { objects, errors } = resolveTargets(ctx, resources);
  for (const obj of objects) {
    try {
      const updated = edit(obj);
      const written = updated ? ctx.cluster.api.update(updated, { dryRun: dryRun !== "none" }) : obj;
      ctx.out(printOutcome(written, done, dryRun, ctx));
    } catch (error) {
      errors.push(error as Error);
    }
  }
  for (const error of errors) ctx.err(formatError(error));
  return errors.length > 0 ? 1 : 0;
}
