/**
 * Flag declarations in pflag's terms, and typed reads of parsed values.
 */

/** pflag value types kubectl uses. `int` and `int64` are 64-bit, `int32` is 32-bit. */
export type FlagType =
  | "bool"
  | "string"
  | "int"
  | "int32"
  | "int64"
  | "stringArray"
  | "stringSlice"
  | "duration";

/**
 * A flag's value after parsing: bool → boolean, string → string, the int
 * types → number, stringArray/stringSlice → string[], duration → seconds
 * (a number, fractional below one second).
 */
export type FlagValue = boolean | string | number | string[];

/** One flag, as a command declares it with pflag. */
export interface FlagSpec {
  /** Long name without dashes, e.g. "all-namespaces". */
  name: string;
  /** One ASCII character, e.g. "A" for -A. */
  shorthand?: string;
  type: FlagType;
  /** Value before any --flag is seen; per type, see FlagValue. Missing means the type's zero value. */
  default?: FlagValue;
  /**
   * Value used when the flag appears without "=value" (pflag's NoOptDefVal):
   * "true" for bools; some string flags have one too, e.g. --dry-run's "unchanged".
   */
  noOptDefVal?: string;
  /** The help text, verbatim from kubectl. */
  usage: string;
  hidden?: boolean;
  /** When set, each use prints `Flag --name has been deprecated, <text>`. */
  deprecated?: string;
  /** cobra's MarkFlagRequired: missing means `required flag(s) "name" not set`. */
  required?: boolean;
}

/** The zero value pflag gives each type when no default is declared. */
export function zeroValue(type: FlagType): FlagValue {
  switch (type) {
    case "bool":
      return false;
    case "string":
      return "";
    case "stringArray":
    case "stringSlice":
      return [];
    default:
      return 0;
  }
}

/** The declared default, or the zero value; arrays are copied so parses never share them. */
export function defaultValue(spec: FlagSpec): FlagValue {
  const value = spec.default ?? zeroValue(spec.type);
  return Array.isArray(value) ? [...value] : value;
}

/** pflag's NoOptDefVal: bools take "true" when written bare. */
export function effectiveNoOptDefVal(spec: FlagSpec): string {
  if (spec.noOptDefVal !== undefined) return spec.noOptDefVal;
  return spec.type === "bool" ? "true" : "";
}

/** kubectl's flag name normalization (cliflag.WordSepNormalizeFunc): "_" reads as "-". */
export function normalizeFlagName(name: string): string {
  return name.replaceAll("_", "-");
}

/** How pflag names a flag in "invalid argument" errors: `-A, --all-namespaces` or `--replicas`. */
export function flagDisplayName(spec: FlagSpec): string {
  return spec.shorthand ? `-${spec.shorthand}, --${spec.name}` : `--${spec.name}`;
}

function read(flags: Record<string, FlagValue>, name: string, kind: string): FlagValue {
  const value = flags[name];
  const actual = Array.isArray(value) ? "array" : typeof value;
  if (actual !== kind) throw new Error(`flag --${name} is not a declared ${kind} flag`);
  return value;
}

/** The value of a declared string flag; throws when `name` is not one (a programming error). */
export function flagString(flags: Record<string, FlagValue>, name: string): string {
  return read(flags, name, "string") as string;
}

/** The value of a declared bool flag; throws when `name` is not one. */
export function flagBool(flags: Record<string, FlagValue>, name: string): boolean {
  return read(flags, name, "boolean") as boolean;
}

/** The value of a declared int or duration flag (seconds); throws when `name` is not one. */
export function flagNumber(flags: Record<string, FlagValue>, name: string): number {
  return read(flags, name, "number") as number;
}

/** The value of a declared stringArray or stringSlice flag; throws when `name` is not one. */
export function flagStrings(flags: Record<string, FlagValue>, name: string): string[] {
  return read(flags, name, "array") as string[];
}
