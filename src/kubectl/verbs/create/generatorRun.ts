import { StatusError } from "../../../api/errors";
import { typeOfKind } from "../../../api/registry";
import type { KubeObject } from "../../../api/types";
import { requiredFlagsMessage, usageErrorMessage } from "../../cli/commandErrors";
import type { FlagSpec } from "../../cli/flags";
import { bool } from "../../flagAccess";
import { withLastApplied } from "../../applyPatch";
import { objectPrintFlags, printFlags, printResult } from "../../print";
import { inGoFieldOrder } from "../../../api/schema/goFieldOrder";
import { KubectlError, type VerbContext } from "../../verb";
import { DRY_RUN_FLAG, fieldManagerFlag, PRINT_FLAGS, VALIDATE_FLAG } from "../commonFlags";
import { dryRunOf, decodingOf, outcomeLine, printsObject } from "../writeOutcome";

/** Flags every `kubectl create <generator>` has besides its own. */
export const GENERATOR_FLAGS: FlagSpec[] = [
  DRY_RUN_FLAG,
  fieldManagerFlag("kubectl-create"),
  ...PRINT_FLAGS,
  {
    name: "save-config",
    type: "bool",
    usage:
      "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.",
  },
  VALIDATE_FLAG,
];

/** cobra's ArgsLenAtDash, when the command line layer provides it (-1: no `--`). */
export function argsLenAtDash(ctx: VerbContext): number {
  return ctx.argsLenAtDash;
}

/** The NAME argument and the command after it (`create deployment web --image=x -- cmd`). */
export function nameAndCommand(ctx: VerbContext, path: string): { name: string; command: string[] } {
  const atDash = argsLenAtDash(ctx);
  // Without `--` information everything after the name is taken as the command.
  const before = atDash === -1 ? Math.min(ctx.args.length, 1) : atDash;
  if (before !== 1 || ctx.args.length === 0) {
    throw new KubectlError(
      `error: ${usageErrorMessage(`kubectl ${path}`, `exactly one NAME is required, got ${before}`)}`,
    );
  }
  return { name: ctx.args[0], command: ctx.args.slice(1) };
}

/** NameFromCommandArgs: exactly one positional argument before `--`. */
export function nameFromArgs(ctx: VerbContext, path: string): string {
  const atDash = argsLenAtDash(ctx);
  const count = atDash === -1 ? ctx.args.length : atDash;
  if (count !== 1)
    throw new KubectlError(
      `error: ${usageErrorMessage(`kubectl ${path}`, `exactly one NAME is required, got ${count}`)}`,
    );
  return ctx.args[0];
}

/** cobra's MarkFlagRequired check, for flags the command line layer does not enforce itself. */
export function requireFlags(ctx: VerbContext, specs: readonly FlagSpec[]): void {
  const missing = requiredFlagsMessage(specs, ctx.changed);
  if (missing) throw new KubectlError(`error: ${missing}`);
}

/** metadata as the generators build it: `creationTimestamp: null`, the namespace only when -n was given. */
export function generatedMeta(
  ctx: VerbContext,
  name: string,
  extra: Record<string, unknown> = {},
): KubeObject["metadata"] {
  const meta: Record<string, unknown> = { creationTimestamp: null, name, ...extra };
  if (ctx.namespaceExplicit) meta.namespace = ctx.namespace;
  return meta as KubeObject["metadata"];
}

/**
 * Sends a generated object (unless --dry-run=client) and prints it as kubectl does: the
 * `kind/name created` line or the -o format. `failure` is the prefix kubectl wraps server
 * errors in (`failed to create deployment`); without it server errors print as they are.
 * `outcome` is the line's verb (`exposed` for expose).
 */
export function createGenerated(
  ctx: VerbContext,
  obj: KubeObject,
  failure?: (message: string) => string,
  outcome = "created",
): number {
  printGenerated(ctx, sendGenerated(ctx, obj, failure), outcome);
  return 0;
}

/** The sending half of createGenerated: the object as stored (or as it would be, or as built for --dry-run=client). */
export function sendGenerated(
  ctx: VerbContext,
  obj: KubeObject,
  failure?: (message: string) => string,
): KubeObject {
  objectPrintFlags(ctx);
  const dryRun = dryRunOf(ctx);
  const type = typeOfKind(obj.kind);
  if (!type) throw new KubectlError(`error: no matches for kind "${obj.kind}"`);
  const result = bool(ctx.flags, "save-config") ? withLastApplied(obj) : obj;
  if (dryRun === "client") return result;
  const sent = {
    ...result,
    metadata: { ...result.metadata, namespace: type.namespaced ? ctx.namespace : undefined },
  };
  if (!type.namespaced) delete sent.metadata.namespace;
  try {
    return ctx.cluster.api.create(sent, {
      dryRun: dryRun === "server",
      ...decodingOf(ctx),
    });
  } catch (error) {
    if (failure && error instanceof StatusError) throw new KubectlError(`error: ${failure(error.message)}`);
    throw error;
  }
}

/** The printing half of createGenerated: the `kind/name created` line, or the object in the -o format. */
export function printGenerated(ctx: VerbContext, result: KubeObject, outcome = "created"): void {
  const { output, allowMissingKeys } = printFlags(ctx);
  const type = typeOfKind(result.kind);
  // A typed object (what the generator built, or the typed client's answer) marshals in Go's field order.
  if (printsObject(ctx)) {
    const typed = inGoFieldOrder(result, result.apiVersion, result.kind);
    ctx.out(printResult(ctx.cluster, [typed], { output, allowMissingKeys, single: true, sortKeys: false }));
  } else if (type) ctx.out(outcomeLine(type, result.metadata.name ?? "", outcome, dryRunOf(ctx), ctx));
}
