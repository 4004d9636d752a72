// YAML exactly as `kubectl -o yaml` prints it. kubectl 1.32 marshals with sigs.k8s.io/yaml
// v1.4.0: encoding/json, then JSONToYAML through its goyaml.v2 fork. So this follows
// go-yaml v2's encoder and emitter: keys in go-yaml's "natural" order (a9 before a10,
// non-letters before letters), sequences not indented under their key, empty
// collections as {} and [], strings that would read back as another type in double
// quotes, multi-line strings as literal blocks, and long lines folded past column 80.

import { codePoints, isGoInt, formatGoFloatG, formatGoInt, utf8Length } from "./goFormat";
import { analyzeScalar } from "./yamlAnalyze";
import { mustQuoteAsString } from "./yamlResolve";
import { YamlWriter } from "./yamlWriter";

type ScalarStyle = "plain" | "single" | "double" | "literal";

interface NodeContext {
  /** The node is a mapping value (a sequence here is written without indentation). */
  mapping: boolean;
  /** The node is a key written as `key:`: no line folding, no block scalars. */
  simpleKey: boolean;
}

const VALUE: NodeContext = { mapping: true, simpleKey: false };
const ITEM: NodeContext = { mapping: false, simpleKey: false };
const MAX_SIMPLE_KEY_BYTES = 128;

/** go-yaml's number text: int64 in decimal, other numbers as strconv 'g' (1e+06, 0.5). */
function formatYamlNumber(n: number): string {
  if (Number.isNaN(n)) return ".nan";
  if (!Number.isFinite(n)) return n > 0 ? ".inf" : "-.inf";
  return isGoInt(n) ? formatGoInt(n) : formatGoFloatG(n);
}

/** The style go-yaml's encoder asks for (stringv); the emitter may still override it. */
function requestedStringStyle(s: string): ScalarStyle {
  if (s.includes("\n")) return "literal";
  return mustQuoteAsString(s) ? "double" : "plain";
}

/** yaml_emitter_select_scalar_style, for block context. */
function selectStyle(cps: number[], requested: ScalarStyle, ctx: NodeContext): ScalarStyle {
  const analysis = analyzeScalar(cps);
  let style = requested;
  if (ctx.simpleKey && analysis.multiline) style = "double";
  if (style === "plain" && (!analysis.blockPlainAllowed || (cps.length === 0 && ctx.simpleKey))) {
    style = "single";
  }
  if (style === "single" && !analysis.singleQuotedAllowed) style = "double";
  if (style === "literal" && (!analysis.blockAllowed || ctx.simpleKey)) style = "double";
  return style;
}

function emitScalar(w: YamlWriter, text: string, requested: ScalarStyle, ctx: NodeContext): void {
  const cps = codePoints(text);
  const style = selectStyle(cps, requested, ctx);
  w.increaseIndent(true, false);
  const allowBreaks = !ctx.simpleKey;
  if (style === "plain") w.writePlain(cps, allowBreaks);
  else if (style === "single") w.writeSingleQuoted(cps, allowBreaks);
  else if (style === "double") w.writeDoubleQuoted(cps, allowBreaks);
  else w.writeLiteral(cps);
  w.popIndent();
}

function isLetter(cp: number): boolean {
  return /\p{L}/u.test(String.fromCodePoint(cp));
}

function isDigit(cp: number): boolean {
  return /\p{Nd}/u.test(String.fromCodePoint(cp));
}

/** Reads the run of digits starting at i, as go-yaml's sorter does (value and end index). */
function digitRun(cps: number[], i: number, start: number): [number, number] {
  let n = start;
  let end = i;
  for (; end < cps.length && isDigit(cps[end]); end++) n = n * 10 + (cps[end] - 0x30);
  return [n, end];
}

/** go-yaml v2's keyList.Less for two string keys (sorter.go). */
export function yamlKeyLess(a: string, b: string): boolean {
  const [ar, br] = [codePoints(a), codePoints(b)];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const [al, bl] = [isLetter(ar[i]), isLetter(br[i])];
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let start = 0;
    if (ar[i] === 0x30 || br[i] === 0x30) {
      // A zero inside a number that already has a non-zero digit counts as a digit.
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== 0x30) {
          start = 1;
          break;
        }
      }
    }
    const [an, ai] = digitRun(ar, i, start);
    const [bn, bi] = digitRun(br, i, start);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

/** Keys of a JSON object in the order go-yaml v2 writes them. */
export function sortedYamlKeys(obj: Record<string, unknown>): string[] {
  return Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0));
}

function emitEmpty(w: YamlWriter, open: string, close: string): void {
  w.writeIndicator(open, true, true, false);
  w.writeIndicator(close, false, false, false);
}

function emitSequence(w: YamlWriter, items: unknown[], ctx: NodeContext): void {
  w.increaseIndent(false, ctx.mapping && !w.indention);
  for (const item of items) {
    w.writeIndent();
    w.writeIndicator("-", true, false, true);
    emitNode(w, item, ITEM);
  }
  w.popIndent();
}

function emitMapping(w: YamlWriter, obj: Record<string, unknown>): void {
  w.increaseIndent(false, false);
  for (const key of sortedYamlKeys(obj)) {
    w.writeIndent();
    const simple = !analyzeScalar(codePoints(key)).multiline && utf8Length(key) <= MAX_SIMPLE_KEY_BYTES;
    if (simple) {
      emitScalar(w, key, requestedStringStyle(key), { mapping: true, simpleKey: true });
      w.writeIndicator(":", false, false, false);
    } else {
      w.writeIndicator("?", true, false, true);
      emitScalar(w, key, requestedStringStyle(key), VALUE);
      w.writeIndent();
      w.writeIndicator(":", true, false, true);
    }
    emitNode(w, obj[key], VALUE);
  }
  w.popIndent();
}

function emitNode(w: YamlWriter, value: unknown, ctx: NodeContext): void {
  if (value === null || value === undefined) emitScalar(w, "null", "plain", ctx);
  else if (typeof value === "boolean") emitScalar(w, String(value), "plain", ctx);
  else if (typeof value === "number") emitScalar(w, formatYamlNumber(value), "plain", ctx);
  else if (typeof value === "string") emitScalar(w, value, requestedStringStyle(value), ctx);
  else if (Array.isArray(value)) {
    if (value.length === 0) emitEmpty(w, "[", "]");
    else emitSequence(w, value, ctx);
  } else {
    const obj = value as Record<string, unknown>;
    if (sortedYamlKeys(obj).length === 0) emitEmpty(w, "{", "}");
    else emitMapping(w, obj);
  }
}

/**
 * One JSON value as `kubectl get -o yaml` prints it (sigs.k8s.io/yaml.Marshal), ending
 * in a newline. The value must be plain decoded JSON (objects, arrays, strings, finite
 * numbers, booleans, null).
 */
export function toYaml(value: unknown): string {
  const w = new YamlWriter();
  emitNode(w, value, { mapping: false, simpleKey: false });
  w.writeIndent(); // document end: finish the last line
  return w.out;
}

/**
 * Several objects printed by one YAML printer, as `kubectl create -f many.yaml -o yaml`
 * does: each document after the first is preceded by a "---" line.
 */
export function toYamlDocuments(values: readonly unknown[]): string {
  return values.map(toYaml).join("---\n");
}
