/**
 * pflag's Value.Set for each flag type: text from the command line to a
 * typed value, with the exact error texts of Go's strconv, time and csv.
 */
import { readCsvRecord } from "./goCsv";
import { nanosToSeconds, parseGoDuration } from "./goDuration";
import type { GoParse } from "./goStrconv";
import { goQuote, parseGoBool, parseGoInt } from "./goStrconv";
import type { FlagSpec, FlagValue } from "./flagSpec";
import { flagDisplayName } from "./flagSpec";

/**
 * Applies one occurrence of a flag. `current` is the value so far and
 * `changed` whether the flag was already set on this command line: repeated
 * stringArray/stringSlice flags accumulate, but the first use replaces the
 * default, as pflag does. Errors are pflag's `invalid argument "v" for "--f" flag: ...`.
 */
export function setFlagValue(
  spec: FlagSpec,
  current: FlagValue,
  changed: boolean,
  text: string,
): GoParse<FlagValue> {
  const converted = convert(spec, text);
  if (!converted.ok) {
    return {
      ok: false,
      error: `invalid argument ${goQuote(text)} for ${goQuote(flagDisplayName(spec))} flag: ${converted.error}`,
    };
  }
  const value = converted.value;
  if (Array.isArray(value) && changed && Array.isArray(current)) {
    return { ok: true, value: [...current, ...value] };
  }
  return converted;
}

function convert(spec: FlagSpec, text: string): GoParse<FlagValue> {
  switch (spec.type) {
    case "bool":
      return parseGoBool(text);
    case "string":
      return { ok: true, value: text };
    case "int":
    case "int64":
      return parseGoInt(text, 64);
    case "int32":
      return parseGoInt(text, 32);
    case "stringArray":
      return { ok: true, value: [text] };
    case "stringSlice":
      return readCsvRecord(text);
    case "duration": {
      const parsed = parseGoDuration(text);
      return parsed.ok ? { ok: true, value: nanosToSeconds(parsed.value) } : parsed;
    }
  }
}
