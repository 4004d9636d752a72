/**
 * A pflag-compatible command-line parser, as cobra runs it for kubectl:
 * `--name=value`, `--name value`, `-n value`, `-nvalue`, `-n=value`, bare
 * bools, combined shorthands (`-it`), `--` ending the flags, and positional
 * arguments interspersed with flags. Error texts are pflag's own.
 */
import type { FlagSpec, FlagValue } from "./flagSpec";
import { defaultValue, effectiveNoOptDefVal, normalizeFlagName } from "./flagSpec";
import { setFlagValue } from "./flagValues";
import { goQuoteByte } from "./goStrconv";

export type { FlagSpec, FlagType, FlagValue } from "./flagSpec";

/** A successful parse. */
export interface ParsedFlags {
  /** Every declared flag by its long name: the parsed value, or its default. */
  flags: Record<string, FlagValue>;
  /** Arguments that are not flags, in order, including those after `--`. */
  positional: string[];
  /** Long names of the flags given on the command line (pflag's Changed). */
  changed: Set<string>;
  /** How many positional arguments came before `--`; -1 without `--` (cobra's ArgsLenAtDash). */
  argsLenAtDash: number;
  /** Lines pflag prints to stderr while parsing (deprecation notices). */
  warnings: string[];
}

/** A failed parse: pflag's message, without kubectl's "error: " prefix or usage hint. */
export interface FlagParseError {
  error: string;
  /** Set when --help or -h was given but not declared (pflag's ErrHelp). */
  help?: true;
}

/** pflag.ErrHelp's text. */
export const errHelpMessage = "pflag: help requested";

type Index = { byName: Map<string, FlagSpec>; byShorthand: Map<string, FlagSpec> };

type State = ParsedFlags & { index: Index };

/**
 * Parses `args` (the words after the command path) against `specs` (the
 * command's flags plus inherited global ones). Stops at the first error, as
 * pflag does. Throws if two specs share a name or shorthand.
 */
export function parseFlags(
  args: readonly string[],
  specs: readonly FlagSpec[],
): ParsedFlags | FlagParseError {
  const state = newState(specs);
  let rest = [...args];
  while (rest.length > 0) {
    const s = rest.shift()!;
    if (s.length < 2 || s[0] !== "-") {
      state.positional.push(s);
      continue;
    }
    if (s === "--") {
      state.argsLenAtDash = state.positional.length;
      state.positional.push(...rest);
      break;
    }
    const step = s[1] === "-" ? parseLongArg(state, s, rest) : parseShortArg(state, s, rest);
    if ("error" in step) return step;
    rest = step.rest;
  }
  const { index: _index, ...parsed } = state;
  return parsed;
}

/** True when parseFlags failed. */
export function isFlagParseError(result: ParsedFlags | FlagParseError): result is FlagParseError {
  return "error" in result;
}

function newState(specs: readonly FlagSpec[]): State {
  const index: Index = { byName: new Map(), byShorthand: new Map() };
  const flags: Record<string, FlagValue> = {};
  for (const spec of specs) {
    const key = normalizeFlagName(spec.name);
    if (index.byName.has(key)) throw new Error(`flag redefined: ${spec.name}`);
    index.byName.set(key, spec);
    if (spec.shorthand !== undefined) {
      if (spec.shorthand.length !== 1)
        throw new Error(`shorthand "${spec.shorthand}" is more than one ASCII character`);
      if (index.byShorthand.has(spec.shorthand))
        throw new Error(`unable to redefine shorthand "${spec.shorthand}"`);
      index.byShorthand.set(spec.shorthand, spec);
    }
    flags[spec.name] = defaultValue(spec);
  }
  return { flags, positional: [], changed: new Set(), argsLenAtDash: -1, warnings: [], index };
}

type Step = { rest: string[] } | FlagParseError;

function parseLongArg(state: State, s: string, rest: string[]): Step {
  const body = s.slice(2);
  if (body === "" || body[0] === "-" || body[0] === "=") return { error: `bad flag syntax: ${s}` };
  const eq = body.indexOf("=");
  const name = eq < 0 ? body : body.slice(0, eq);
  const spec = state.index.byName.get(normalizeFlagName(name));
  if (spec === undefined) {
    if (name === "help") return { error: errHelpMessage, help: true };
    return { error: `unknown flag: --${name}` };
  }
  const noOpt = effectiveNoOptDefVal(spec);
  if (eq >= 0) return apply(state, spec, body.slice(eq + 1), rest);
  if (noOpt !== "") return apply(state, spec, noOpt, rest);
  if (rest.length > 0) return apply(state, spec, rest[0], rest.slice(1));
  return { error: `flag needs an argument: ${s}` };
}

function parseShortArg(state: State, s: string, args: string[]): Step {
  let shorthands = s.slice(1);
  let rest = args;
  while (shorthands.length > 0) {
    // pflag hands every shorthand the arguments as they were before this word;
    // only the last shorthand of a word can take a separate argument, so it is harmless.
    const step = parseSingleShortArg(state, shorthands, args);
    if ("error" in step) return step;
    shorthands = step.shorthands;
    rest = step.rest;
  }
  return { rest };
}

type ShortStep = { shorthands: string; rest: string[] } | FlagParseError;

function parseSingleShortArg(state: State, shorthands: string, args: string[]): ShortStep {
  // Go's test flags (-test.v) are skipped whole by pflag.
  if (shorthands.startsWith("test.")) return { shorthands: "", rest: args };
  const c = String.fromCodePoint(shorthands.codePointAt(0)!);
  const spec = state.index.byShorthand.get(c);
  if (spec === undefined) {
    if (c === "h") return { error: errHelpMessage, help: true };
    return { error: `unknown shorthand flag: ${goQuoteByte(c)} in -${shorthands}` };
  }
  const noOpt = effectiveNoOptDefVal(spec);
  let applied: Step;
  let remaining = shorthands.slice(1);
  if (shorthands.length > 2 && shorthands[1] === "=") {
    applied = apply(state, spec, shorthands.slice(2), args);
    remaining = "";
  } else if (noOpt !== "") {
    applied = apply(state, spec, noOpt, args);
  } else if (shorthands.length > 1) {
    applied = apply(state, spec, shorthands.slice(1), args);
    remaining = "";
  } else if (args.length > 0) {
    applied = apply(state, spec, args[0], args.slice(1));
  } else {
    return { error: `flag needs an argument: ${goQuoteByte(c)} in -${shorthands}` };
  }
  return "error" in applied ? applied : { shorthands: remaining, rest: applied.rest };
}

function apply(state: State, spec: FlagSpec, text: string, rest: string[]): Step {
  const changed = state.changed.has(spec.name);
  const result = setFlagValue(spec, state.flags[spec.name], changed, text);
  if (!result.ok) return { error: result.error };
  state.flags[spec.name] = result.value;
  state.changed.add(spec.name);
  if (spec.deprecated !== undefined) {
    state.warnings.push(`Flag --${spec.name} has been deprecated, ${spec.deprecated}`);
  }
  return { rest };
}
