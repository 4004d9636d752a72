import type { Decoding, FieldValidation } from "../../api/admission";
import type { ResourceType } from "../../api/registry";
import { qualifiedSingular, typeOfKind } from "../../api/registry";
import type { KubeObject } from "../../api/types";
import { bool, str } from "../flagAccess";
import { objectPrintFlags, printFlags, printResult } from "../print";
import { KubectlError, type VerbContext } from "../verb";

/** --dry-run's three strategies. */
export type DryRun = "none" | "client" | "server";

/** Parses --dry-run with kubectl's error for an unknown value. */
export function dryRunOf(ctx: VerbContext): DryRun {
  const value = str(ctx.flags, "dry-run");
  if (value === "" || value === "none" || value === "false") return "none";
  if (value === "client" || value === "server") return value;
  if (value === "unchanged" || value === "true") {
    throw new KubectlError(
      `error: --dry-run flag without a value was specified. A value must be set: "none", "server", or "client".`,
    );
  }
  throw new KubectlError(`error: Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
}

/** ` (dry run)` / ` (server dry run)`: the suffix kubectl adds to its result lines. */
export function dryRunSuffix(dryRun: DryRun): string {
  return dryRun === "client" ? " (dry run)" : dryRun === "server" ? " (server dry run)" : "";
}

/** `deployment.apps/web created`: the line each write prints (or -o name just the name). */
export function outcomeLine(
  type: ResourceType,
  name: string,
  verb: string,
  dryRun: DryRun,
  ctx: VerbContext,
): string {
  const ref = `${qualifiedSingular(type)}/${name}`;
  if (str(ctx.flags, "output") === "name") return `${ref}\n`;
  return `${ref} ${verb}${dryRunSuffix(dryRun)}\n`;
}

/** Whether -o asks for the object rather than the outcome line (given the print flags when already read). */
export function printsObject(ctx: VerbContext, { output } = printFlags(ctx)): boolean {
  return output !== "" && output !== "name" && !bool(ctx.flags, "quiet");
}

/**
 * What a write prints for one object: its outcome line (`deployment.apps/web scaled`), its name
 * alone (-o name), or the object in the -o format (yaml, json, jsonpath, go-template …), as
 * kubectl's printer does.
 */
export function printOutcome(obj: KubeObject, verb: string, dryRun: DryRun, ctx: VerbContext): string {
  const printing = objectPrintFlags(ctx);
  if (printsObject(ctx, printing)) return printResult(ctx.cluster, [obj], { ...printing, single: true });
  const type = typeOfKind(obj.kind);
  if (!type) throw new KubectlError(`error: no matches for kind "${obj.kind}"`);
  return outcomeLine(type, obj.metadata.name ?? "", verb, dryRun, ctx);
}

/** The namespace an object from a file goes to, with kubectl's mismatch error. */
export function namespaceFor(obj: KubeObject, type: ResourceType, ctx: VerbContext): string {
  if (!type.namespaced) return "";
  const own = obj.metadata.namespace;
  if (own && ctx.namespaceExplicit && own !== ctx.namespace) {
    throw new KubectlError(
      `error: the namespace from the provided object "${own}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${own}' to perform this operation.`,
    );
  }
  return own || ctx.namespace;
}

/**
 * How a write request decodes its body: --validate's field validation, and the server's
 * warnings (unknown fields under `--validate=warn`) printed as kubectl's warning handler does.
 */
export function decodingOf(ctx: VerbContext): Decoding {
  return { fieldValidation: fieldValidationOf(ctx), warn: (warning) => ctx.err(`Warning: ${warning}\n`) };
}

/**
 * --validate as the field validation the server applies (GetValidationDirective); a verb
 * without the flag sends Strict, kubectl's default.
 */
export function fieldValidationOf(ctx: VerbContext): FieldValidation {
  const value = str(ctx.flags, "validate");
  if (
    value === "" ||
    value === "strict" ||
    value === "true" ||
    value === "1" ||
    value === "t" ||
    value === "TRUE"
  )
    return "Strict";
  if (value === "warn") return "Warn";
  if (value === "ignore" || value === "false" || value === "0" || value === "f" || value === "FALSE")
    return "Ignore";
  throw new KubectlError(
    `error: invalid - validate option "${value}"; must be one of: strict (or true), warn, ignore (or false)`,
  );
}
