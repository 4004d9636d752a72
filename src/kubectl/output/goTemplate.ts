/**
 * `-o go-template`: Go's text/template over the object decoded from JSON (as kubectl's
 * GoTemplatePrinter runs it), with the builtin functions and kubectl's `exists` and
 * `base64decode`. Whole JSON numbers are int64s (apimachinery's json.Unmarshal) and others
 * float64s, so they print and compare as there (`eq .spec.replicas 3` holds; `eq 0.5 1` is an
 * "incompatible types" error).
 * Not simulated: define/template/block, methods, and printf verbs beyond %s %v %d %q %f %t %x.
 */
import { goFloat } from "../../apimachinery/patch/jsonValue";
import { unquoteExtend } from "./jsonpathParser";

/** A parse or execution error, with Go's `template: output:LINE:COL: …` text. */
export class GoTemplateError extends Error {
  /** What the template had printed when it failed (Go writes as it goes). */
  partial = "";
}

/** A builtin function's failure; the command running it adds `error calling NAME:` and where. */
class CallError extends Error {}

function callError(message: string): never {
  throw new CallError(message);
}

/** A template constant integer, kept apart from JSON's float64 numbers. */
class Int {
  constructor(readonly value: number) {}
}

type Value = null | undefined | boolean | number | string | Int | Value[] | { [key: string]: Value };

// ---------------------------------------------------------------------------------------- lexing

type Token = TokenBody & { end: number };

type TokenBody =
  | { kind: "field"; names: string[]; pos: number }
  | { kind: "var"; name: string; names: string[]; pos: number }
  | { kind: "ident"; name: string; pos: number }
  | { kind: "string"; value: string; pos: number }
  | { kind: "number"; value: Value; pos: number }
  | { kind: "punct"; value: "(" | ")" | "|" | ":=" | "=" | ","; pos: number }
  | { kind: "dot"; pos: number };

type Piece = { kind: "text"; text: string } | { kind: "action"; tokens: Token[]; pos: number };

/** Splits the template into text and actions, applying `{{-` and `-}}` trimming. */
function splitActions(src: string): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  let trimNext = false;
  for (;;) {
    const open = src.indexOf("{{", at);
    let text = src.slice(at, open < 0 ? src.length : open);
    if (trimNext) text = text.replace(/^\s+/, "");
    if (open < 0) {
      if (text) pieces.push({ kind: "text", text });
      return pieces;
    }
    const trimLeft = src[open + 2] === "-" && /\s/.test(src[open + 3] ?? "");
    if (trimLeft) text = text.replace(/\s+$/, "");
    if (text) pieces.push({ kind: "text", text });
    const start = open + (trimLeft ? 3 : 2);
    const close = findClose(src, start);
    if (close < 0) throw fail(src, open, "unclosed action");
    const trimRight = src[close - 1] === "-" && /\s/.test(src[close - 2] ?? "");
    const body = src.slice(start, trimRight ? close - 1 : close);
    trimNext = trimRight;
    at = close + 2;
    if (/^\s*\/\*[\s\S]*\*\/\s*$/.test(body)) continue;
    pieces.push({ kind: "action", tokens: lex(body, src, start), pos: start });
  }
}

/** The `}}` closing the action at `from`, skipping quoted strings. */
function findClose(src: string, from: number): number {
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === '"' || c === "`" || c === "'") {
      const end = c === "`" ? src.indexOf("`", i + 1) : closingQuote(src, i);
      if (end < 0) return -1;
      i = end;
    } else if (c === "}" && src[i + 1] === "}") return i;
  }
  return -1;
}

function closingQuote(src: string, from: number): number {
  for (let i = from + 1; i < src.length; i++) {
    if (src[i] === "\\") i++;
    else if (src[i] === src[from]) return i;
    else if (src[i] === "\n") return -1;
  }
  return -1;
}

function lex(body: string, src: string, offset: number): Token[] {
  const tokens: TokenBody[] = [];
  const ends: number[] = [];
  const re =
    /\s+|(\$[A-Za-z0-9_]*)((?:\.[A-Za-z0-9_]+)*)|((?:\.[A-Za-z0-9_]+)+)|(\.)|([A-Za-z_][A-Za-z0-9_]*)|("(?:[^"\\\n]|\\.)*")|(`[^`]*`)|('(?:[^'\\]|\\.)+')|(-?(?:0x[0-9a-fA-F]+|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?))|(:=|[()|=,])/y;
  let i = 0;
  while (i < body.length) {
    re.lastIndex = i;
    const m = re.exec(body);
    if (!m) throw fail(src, offset + i, `unexpected "${body[i]}" in command`);
    const pos = offset + i;
    i = re.lastIndex;
    if (m[0].trim() === "") continue;
    if (m[1] !== undefined) tokens.push({ kind: "var", name: m[1], names: fieldNames(m[2]), pos });
    else if (m[3] !== undefined) tokens.push({ kind: "field", names: fieldNames(m[3]), pos });
    else if (m[4] !== undefined) tokens.push({ kind: "dot", pos });
    else if (m[5] !== undefined) tokens.push({ kind: "ident", name: m[5], pos });
    else if (m[6] !== undefined) tokens.push({ kind: "string", value: unquote(m[6], src, pos), pos });
    else if (m[7] !== undefined) tokens.push({ kind: "string", value: m[7].slice(1, -1), pos });
    else if (m[8] !== undefined)
      tokens.push({
        kind: "number",
        value: new Int(unquote(m[8], src, pos).codePointAt(0) ?? 0),
        pos,
      });
    else if (m[9] !== undefined) tokens.push({ kind: "number", value: numberConstant(m[9]), pos });
    else if (m[10] !== undefined) tokens.push({ kind: "punct", value: m[10] as "(", pos });
    ends.push(offset + i);
  }
  return tokens.map((t, k) => ({ ...t, end: ends[k] }));
}

/** How deep inside parentheses a token is. */
function depthAt(tokens: Token[], target: Token): number {
  let depth = 0;
  for (const t of tokens) {
    if (t === target) return depth;
    if (t.kind === "punct" && t.value === "(") depth++;
    if (t.kind === "punct" && t.value === ")") depth--;
  }
  return depth;
}

/** A quoted string or character constant's value (Go's strconv.Unquote, as jsonpath uses it). */
function unquote(quoted: string, src: string, pos: number): string {
  try {
    return unquoteExtend(quoted);
  } catch {
    throw fail(src, pos, "invalid syntax");
  }
}

const fieldNames = (path: string | undefined) => (path ? path.split(".").slice(1) : []);

function numberConstant(text: string): Value {
  const n = Number(text);
  return /^-?(0x[0-9a-fA-F]+|\d+)$/.test(text) ? new Int(n) : n;
}

function fail(src: string, pos: number, message: string): GoTemplateError {
  const before = src.slice(0, pos);
  const line = before.split("\n").length;
  return new GoTemplateError(`template: output:${line}: ${message}`);
}

// --------------------------------------------------------------------------------------- parsing

type Node =
  | { kind: "text"; text: string }
  | { kind: "print"; pipe: Pipeline }
  | { kind: "if" | "with"; pipe: Pipeline; then: Node[]; otherwise: Node[] }
  | { kind: "range"; pipe: Pipeline; vars: string[]; body: Node[]; otherwise: Node[] }
  | { kind: "break" | "continue" };

interface Pipeline {
  decl: string[];
  assign: boolean;
  commands: Command[];
  pos: number;
}

/** One command of a pipeline, with where it is and its text (what Go's errors quote). */
interface Command {
  terms: Term[];
  pos: number;
  text: string;
}

type Term =
  | { kind: "const"; value: Value }
  | { kind: "dot" }
  | { kind: "field"; names: string[]; pos: number }
  | { kind: "var"; name: string; names: string[]; pos: number }
  | { kind: "func"; name: string }
  | { kind: "paren"; pipe: Pipeline; names: string[] };

const FUNCTIONS = new Set([
  "and",
  "or",
  "not",
  "len",
  "index",
  "slice",
  "print",
  "printf",
  "println",
  "eq",
  "ne",
  "lt",
  "le",
  "gt",
  "ge",
  "html",
  "js",
  "urlquery",
  "exists",
  "base64decode",
]);

class Parser {
  private i = 0;
  /** How many {{range}}s enclose the action being parsed ({{break}} needs one). */
  private rangeDepth = 0;
  constructor(
    private readonly pieces: Piece[],
    private readonly src: string,
  ) {}

  parse(): Node[] {
    const { nodes, end } = this.list();
    if (end) throw fail(this.src, end.pos, `unexpected {{${end.word}}}`);
    return nodes;
  }

  /** Nodes up to an `{{end}}`/`{{else}}` (returned) or the end of the template. */
  private list(): { nodes: Node[]; end?: { word: "end" | "else"; rest: Token[]; pos: number } } {
    const nodes: Node[] = [];
    while (this.i < this.pieces.length) {
      const piece = this.pieces[this.i++];
      if (piece.kind === "text") {
        nodes.push({ kind: "text", text: piece.text });
        continue;
      }
      const [first, ...rest] = piece.tokens;
      if (!first) throw fail(this.src, piece.pos, "missing value for command");
      const word = first.kind === "ident" ? first.name : "";
      if (word === "end" || word === "else") return { nodes, end: { word, rest, pos: piece.pos } };
      if (word === "if" || word === "with") nodes.push(this.conditional(word, rest, piece.pos));
      else if (word === "range") nodes.push(this.range(rest, piece.pos));
      else if (word === "break" || word === "continue") {
        if (this.rangeDepth === 0) throw fail(this.src, piece.pos, `{{${word}}} outside {{range}}`);
        nodes.push({ kind: word });
      } else if (word === "define" || word === "template" || word === "block")
        throw fail(this.src, piece.pos, `{{${word}}} is not simulated by kubeplay`);
      else nodes.push({ kind: "print", pipe: this.pipeline(piece.tokens, piece.pos) });
    }
    return { nodes };
  }

  private conditional(kind: "if" | "with", tokens: Token[], pos: number): Node {
    const pipe = this.pipeline(tokens, pos);
    const { nodes, end } = this.list();
    if (!end) throw fail(this.src, pos, `unexpected EOF`);
    let otherwise: Node[] = [];
    if (end.word === "else") {
      const [next, ...rest] = end.rest;
      // `{{else if …}}` / `{{else with …}}` chains a conditional inside the else branch.
      if (next?.kind === "ident" && next.name === kind) otherwise = [this.conditional(kind, rest, end.pos)];
      else {
        const tail = this.list();
        if (tail.end?.word !== "end") throw fail(this.src, end.pos, "expected end; found else");
        otherwise = tail.nodes;
      }
    }
    return { kind, pipe, then: nodes, otherwise };
  }

  private range(tokens: Token[], pos: number): Node {
    const pipe = this.pipeline(tokens, pos);
    this.rangeDepth++;
    const { nodes, end } = this.list();
    this.rangeDepth--;
    if (!end) throw fail(this.src, pos, "unexpected EOF");
    let otherwise: Node[] = [];
    if (end.word === "else") {
      const tail = this.list();
      if (tail.end?.word !== "end") throw fail(this.src, end.pos, "expected end");
      otherwise = tail.nodes;
    }
    return { kind: "range", pipe, vars: pipe.decl, body: nodes, otherwise };
  }

  /** `[$x[, $y] :=] command | command …` */
  pipeline(tokens: Token[], pos: number): Pipeline {
    let at = 0;
    const decl: string[] = [];
    let assign = false;
    const declEnd = tokens.findIndex((t) => t.kind === "punct" && (t.value === ":=" || t.value === "="));
    if (
      declEnd > 0 &&
      tokens.slice(0, declEnd).every((t) => t.kind === "var" || (t.kind === "punct" && t.value === ","))
    ) {
      for (const t of tokens.slice(0, declEnd)) if (t.kind === "var") decl.push(t.name);
      assign = (tokens[declEnd] as { value: string }).value === "=";
      at = declEnd + 1;
    }
    const groups: Token[][] = [[]];
    for (const t of tokens.slice(at)) {
      if (t.kind === "punct" && t.value === "|" && depthAt(tokens, t) === 0) groups.push([]);
      else groups[groups.length - 1].push(t);
    }
    const commands = groups.map((group) => this.command(group, pos));
    return { decl, assign, commands, pos };
  }

  /** The terms of one command; a parenthesised pipeline is one term. */
  private command(tokens: Token[], pos: number): Command {
    if (tokens.length === 0) throw fail(this.src, pos, "missing value for command");
    const terms: Term[] = [];
    for (let at = 0; at < tokens.length; at++) {
      const t = tokens[at];
      if (t.kind === "punct" && t.value === "(") {
        const close = matchingParen(tokens, at);
        if (close < 0) throw fail(this.src, t.pos, "unclosed left paren");
        const inner = this.pipeline(tokens.slice(at + 1, close), t.pos);
        const next = tokens[close + 1];
        // `(index .spec.ports 0).nodePort`: a field chain right after the parenthesis.
        const names = next?.kind === "field" && next.pos === tokens[close].pos + 1 ? next.names : [];
        terms.push({ kind: "paren", pipe: inner, names });
        at = names.length > 0 ? close + 1 : close;
        continue;
      }
      terms.push(this.term(t));
    }
    const last = tokens[tokens.length - 1];
    return { terms, pos: tokens[0].pos, text: this.src.slice(tokens[0].pos, last.end).trim() };
  }

  private term(t: Token): Term {
    switch (t.kind) {
      case "dot":
        return { kind: "dot" };
      case "field":
        return { kind: "field", names: t.names, pos: chainPos(t.pos, t.names) };
      case "var":
        return { kind: "var", name: t.name, names: t.names, pos: t.pos };
      case "string":
        return { kind: "const", value: t.value };
      case "number":
        return { kind: "const", value: t.value };
      case "ident":
        if (t.name === "true" || t.name === "false") return { kind: "const", value: t.name === "true" };
        if (t.name === "nil") return { kind: "const", value: null };
        if (!FUNCTIONS.has(t.name)) throw fail(this.src, t.pos, `function "${t.name}" not defined`);
        return { kind: "func", name: t.name };
      default:
        throw fail(this.src, t.pos, `unexpected "${t.value}" in operand`);
    }
  }
}

/** Go folds `.a.b.c` into one field node placed where the chain after `.a` starts. */
function chainPos(pos: number, names: string[]): number {
  return names.length > 1 ? pos + names[0].length + 1 : pos;
}

function matchingParen(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== "punct") continue;
    if (t.value === "(") depth++;
    if (t.value === ")" && --depth === 0) return i;
  }
  return -1;
}

// ------------------------------------------------------------------------------------- execution

class Flow {
  constructor(readonly kind: "break" | "continue") {}
}

/** Limits on one template run (Go has none; a browser tab needs them). */
const MAX_STEPS = 1_000_000;
const MAX_OUTPUT_CHARS = 10_000_000;

class Executor {
  private out = "";
  private steps = 0;
  private vars: { name: string; value: Value }[][] = [];

  constructor(
    private readonly allowMissingKeys: boolean,
    private readonly src: string,
  ) {}

  run(nodes: Node[], data: Value): string {
    data = withIntegers(data);
    this.vars = [[{ name: "$", value: data }]];
    try {
      this.walk(nodes, data);
    } catch (error) {
      if (error instanceof GoTemplateError) error.partial = this.out;
      throw error;
    }
    return this.out;
  }

  private walk(nodes: Node[], dot: Value): void {
    for (const node of nodes) {
      this.spend(0);
      switch (node.kind) {
        case "text":
          this.out += node.text;
          break;
        case "print": {
          const value = this.pipeline(node.pipe, dot);
          if (node.pipe.decl.length === 0) this.out += printValue(value);
          break;
        }
        case "if":
        case "with": {
          this.vars.push([]);
          const value = this.pipeline(node.pipe, dot);
          if (truth(value)) this.walk(node.then, node.kind === "with" ? value : dot);
          else this.walk(node.otherwise, dot);
          this.vars.pop();
          break;
        }
        case "range":
          this.range(node, dot);
          break;
        default:
          throw new Flow(node.kind);
      }
    }
  }

  private range(node: Extract<Node, { kind: "range" }>, dot: Value): void {
    const value = this.pipeline({ ...node.pipe, decl: [] }, dot);
    const entries = this.rangeEntries(value, node.pipe.pos);
    let empty = true;
    for (const [key, item] of entries) {
      empty = false;
      this.spend(node.pipe.pos);
      const scope: { name: string; value: Value }[] = [];
      if (node.vars.length === 1) scope.push({ name: node.vars[0], value: item });
      if (node.vars.length === 2)
        scope.push({ name: node.vars[0], value: key }, { name: node.vars[1], value: item });
      this.vars.push(scope);
      try {
        this.walk(node.body, item);
      } catch (flow) {
        if (!(flow instanceof Flow)) throw flow;
        if (flow.kind === "break") {
          this.vars.pop();
          break;
        }
      }
      this.vars.pop();
    }
    if (empty) this.walk(node.otherwise, dot);
  }

  /** What `range` iterates: a list's items, a map's entries by key, or 0..N-1 for an integer N. */
  private *rangeEntries(value: Value, pos: number): Generator<[Value, Value]> {
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield [new Int(i), value[i]];
    else if (isMap(value)) for (const k of Object.keys(value).sort()) yield [k, value[k]];
    else if (value instanceof Int) for (let i = 0; i < value.value; i++) yield [new Int(i), new Int(i)];
    else if (value !== null && value !== undefined)
      this.error(pos, `range can't iterate over ${printValue(value)}`);
  }

  /** Counts a step against the budget that keeps a hostile template from freezing the tab. */
  private spend(pos: number): void {
    if (++this.steps > MAX_STEPS || this.out.length > MAX_OUTPUT_CHARS)
      this.error(
        pos,
        `kubeplay stops a template after ${MAX_STEPS.toLocaleString("en")} steps or ${MAX_OUTPUT_CHARS.toLocaleString("en")} characters of output`,
      );
  }

  private pipeline(pipe: Pipeline, dot: Value): Value {
    let value: Value;
    let hasValue = false;
    for (const command of pipe.commands) {
      value = this.command(command, dot, hasValue ? { value } : undefined);
      hasValue = true;
    }
    if (pipe.decl.length > 0) {
      const name = pipe.decl[pipe.decl.length - 1];
      if (pipe.assign) {
        const slot = [...this.vars]
          .reverse()
          .flatMap((s) => s)
          .find((v) => v.name === name);
        if (!slot) this.error(pipe.pos, `undefined variable: ${name}`);
        else slot.value = value;
      } else this.vars[this.vars.length - 1].push({ name, value });
    }
    return value;
  }

  private command(command: Command, dot: Value, piped: { value: Value } | undefined): Value {
    const [head, ...args] = command.terms;
    const { pos, text } = command;
    if (head.kind === "func" && (head.name === "and" || head.name === "or") && args.length > 0) {
      // Go 1.18+: and/or stop at the first argument that decides, without evaluating the rest.
      let value: Value;
      for (const arg of args) {
        value = this.term(arg, dot, pos);
        if (head.name === "and" ? !truth(value) : truth(value)) return value;
      }
      return piped ? piped.value : value;
    }
    if (head.kind === "func") {
      const values = args.map((a) => this.term(a, dot, pos));
      if (piped) values.push(piped.value);
      try {
        return this.call(head.name, values, pos);
      } catch (error) {
        if (!(error instanceof CallError)) throw error;
        return this.error(pos, `error calling ${head.name}: ${error.message}`, text);
      }
    }
    if (args.length > 0 || piped)
      this.error(pos, `can't give argument to non-function ${describeTerm(head)}`, text);
    return this.term(head, dot, pos);
  }

  private term(term: Term, dot: Value, pos: number): Value {
    switch (term.kind) {
      case "const":
        return term.value;
      case "dot":
        return dot;
      case "field":
        return this.fields(dot, term.names, term.pos, ".");
      case "var":
        return this.fields(this.variable(term.name, term.pos), term.names, term.pos, term.name);
      case "paren":
        return this.fields(this.pipeline(term.pipe, dot), term.names, pos, "");
      default:
        return this.call(term.name, [], pos);
    }
  }

  private variable(name: string, pos: number): Value {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const found = this.vars[i].findLast((v) => v.name === name);
      if (found) return found.value;
    }
    return this.error(pos, `undefined variable: ${name}`);
  }

  private fields(value: Value, names: string[], pos: number, base: string): Value {
    let current = value;
    let path = base === "." ? "" : base;
    for (const name of names) {
      path += `.${name}`;
      if (isMap(current)) {
        if (Object.hasOwn(current, name)) current = current[name];
        else if (this.allowMissingKeys) current = undefined;
        else this.error(pos, `map has no entry for key "${name}"`, path);
      } else if (current === undefined) {
        // Past a missing key there is no value at all: Go gives "<no value>", or with missingkey=error fails.
        if (!this.allowMissingKeys) this.error(pos, `nil data; no entry for key "${name}"`, path);
      } else if (current === null) {
        this.error(pos, `nil pointer evaluating interface {}.${name}`, path);
      } else this.error(pos, `can't evaluate field ${name} in type ${goType(current)}`, path);
    }
    return current;
  }

  private call(name: string, args: Value[], pos: number): Value {
    const need = (n: number) => {
      if (args.length !== n)
        this.error(pos, `wrong number of args for ${name}: want ${n} got ${args.length}`);
    };
    switch (name) {
      case "and":
        return args.find((a) => !truth(a)) ?? args[args.length - 1];
      case "or":
        return args.find((a) => truth(a)) ?? args[args.length - 1];
      case "not":
        need(1);
        return !truth(args[0]);
      case "len":
        need(1);
        return new Int(lengthOf(args[0]) ?? callError(`len of type ${goType(args[0])}`));
      case "index":
        return this.index(args);
      case "slice":
        return this.slice(args);
      case "print":
        return goSprint(args);
      case "println":
        return `${args.map(printValue).join(" ")}\n`;
      case "printf":
        return sprintf(args, (m) => this.error(pos, m));
      case "eq":
      case "ne":
      case "lt":
      case "le":
      case "gt":
      case "ge":
        return this.compare(name, args);
      case "html":
        return goSprint(args).replace(/[&'<>"\0]/g, (c) => HTML_ESCAPES[c]);
      case "js":
        return goSprint(args).replace(
          /[\\'"<>&=\n\r]/g,
          (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`,
        );
      case "urlquery":
        return encodeURIComponent(goSprint(args)).replace(/%20/g, "+");
      case "exists":
        return exists(args);
      default:
        need(1);
        return this.base64decode(args[0]);
    }
  }

  private index(args: Value[]): Value {
    if (args.length === 0) callError("wrong number of args for index: want at least 1 got 0");
    let current = args[0];
    for (const key of args.slice(1)) {
      if (Array.isArray(current)) {
        if (!(key instanceof Int)) callError(`cannot index slice/array with type ${goType(key)}`);
        const i = (key as Int).value;
        if (i < 0 || i >= current.length) callError(`index out of range: ${i}`);
        current = current[i];
      } else if (isMap(current)) {
        if (typeof key !== "string") callError(`value has type ${goType(key)}; should be string`);
        current = Object.hasOwn(current, key as string) ? current[key as string] : undefined;
      } else if (current === null || current === undefined) {
        callError("index of untyped nil");
      } else callError(`can't index item of type ${goType(current)}`);
    }
    return current;
  }

  private slice(args: Value[]): Value {
    const [item, ...bounds] = args;
    const n = bounds.map((b) =>
      b instanceof Int ? b.value : callError("cannot index slice/array with nil"),
    );
    if (typeof item === "string") return item.slice(n[0] ?? 0, n[1] ?? item.length);
    if (Array.isArray(item)) return item.slice(n[0] ?? 0, n[1] ?? item.length);
    return callError(`can't slice item of type ${goType(item)}`);
  }

  private compare(name: string, args: Value[]): boolean {
    if (args.length < 2 && name === "eq") callError("missing argument for comparison");
    const [a, ...rest] = args;
    if (name === "eq") return rest.some((b) => this.compareTwo(a, b) === 0);
    const c = this.compareTwo(a, rest[0], name !== "ne");
    return name === "ne"
      ? c !== 0
      : name === "lt"
        ? c < 0
        : name === "le"
          ? c <= 0
          : name === "gt"
            ? c > 0
            : c >= 0;
  }

  private compareTwo(a: Value, b: Value, ordered = false): number {
    const ka = basicKind(a);
    const kb = basicKind(b);
    if (ka !== kb || ka === "other") {
      return callError(
        ordered && ka === kb ? "invalid type for comparison" : "incompatible types for comparison",
      );
    }
    if (ka === "bool" && ordered) callError("invalid type for comparison");
    const x = ka === "int" || ka === "float" ? numeric(a) : a;
    const y = kb === "int" || kb === "float" ? numeric(b) : b;
    return (x as number | string) < (y as number | string) ? -1 : x === y ? 0 : 1;
  }

  private base64decode(value: Value): string {
    if (typeof value !== "string")
      return callError(`wrong type for value; expected string; got ${goType(value)}`);
    try {
      return new TextDecoder("utf-8").decode(Uint8Array.from(atob(value), (c) => c.charCodeAt(0)));
    } catch {
      return callError(`base64 decode failed: illegal base64 data at input byte 0`);
    }
  }

  private error(pos: number, message: string, at?: string): never {
    const before = this.src.slice(0, pos);
    const line = before.split("\n").length;
    const col = pos - before.lastIndexOf("\n") - 1;
    const where = at ?? this.src.slice(pos).split("}}")[0].trim();
    throw new GoTemplateError(
      `template: output:${line}:${col}: executing "output" at <${where}>: ${message}`,
    );
  }
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "'": "&#39;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&#34;",
  "\0": "\uFFFD",
};

/**
 * kubectl decodes the object with apimachinery's json.Unmarshal, which turns whole numbers into
 * int64: `.spec.replicas` is an int, and compares equal to the constant 3.
 */
function withIntegers(value: Value): Value {
  if (typeof value === "number") return Number.isInteger(value) ? new Int(value) : value;
  if (Array.isArray(value)) return value.map(withIntegers);
  if (isMap(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withIntegers(v)]));
  return value;
}

function isMap(value: Value): value is { [key: string]: Value } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Int);
}

const numeric = (value: Value) => (value instanceof Int ? value.value : (value as number));

function basicKind(value: Value): "bool" | "int" | "float" | "string" | "other" {
  if (typeof value === "boolean") return "bool";
  if (value instanceof Int) return "int";
  if (typeof value === "number") return "float";
  if (typeof value === "string") return "string";
  return "other";
}

function goType(value: Value): string {
  if (value === null || value === undefined) return "<nil>";
  if (value instanceof Int) return "int";
  if (typeof value === "number") return "float64";
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "bool";
  return Array.isArray(value) ? "[]interface {}" : "map[string]interface {}";
}

function describeTerm(term: Term): string {
  if (term.kind === "field") return `.${term.names.join(".")}`;
  if (term.kind === "var") return [term.name, ...term.names].join(".");
  return term.kind === "const" ? printValue(term.value) : ".";
}

/** Go's truth: false, 0, nil and empty strings, slices and maps are false. */
function truth(value: Value): boolean {
  if (value === null || value === undefined || value === false || value === "" || value === 0) return false;
  if (value instanceof Int) return value.value !== 0;
  if (Array.isArray(value)) return value.length > 0;
  if (isMap(value)) return Object.keys(value).length > 0;
  return true;
}

function lengthOf(value: Value): number | undefined {
  if (typeof value === "string") return new TextEncoder().encode(value).length;
  if (Array.isArray(value)) return value.length;
  if (isMap(value)) return Object.keys(value).length;
  return undefined;
}

/** What `{{.}}` prints: fmt's %v, with a missing key or a null as `<no value>` (no valid value to print). */
function printValue(value: Value): string {
  if (value === undefined || value === null) return "<no value>";
  return formatV(value);
}

function formatV(value: Value): string {
  if (value === null || value === undefined) return "<nil>";
  if (value instanceof Int) return String(value.value);
  if (typeof value === "number") return goFloat(value);
  if (Array.isArray(value)) return `[${value.map(formatV).join(" ")}]`;
  if (isMap(value))
    return `map[${Object.keys(value)
      .sort()
      .map((k) => `${k}:${formatV(value[k])}`)
      .join(" ")}]`;
  return String(value);
}

/** fmt.Sprint: spaces between operands when neither side is a string. */
function goSprint(args: Value[]): string {
  let out = "";
  args.forEach((arg, i) => {
    if (i > 0 && typeof arg !== "string" && typeof args[i - 1] !== "string") out += " ";
    out += formatV(arg);
  });
  return out;
}

function exists(args: Value[]): boolean {
  let current = args[0];
  for (const key of args.slice(1)) {
    if (Array.isArray(current) && key instanceof Int) current = current[key.value];
    else if (isMap(current) && typeof key === "string" && Object.hasOwn(current, key)) current = current[key];
    else return false;
  }
  return current !== undefined;
}

/** fmt.Sprintf for the verbs templates use. */
function sprintf(args: Value[], error: (message: string) => never): string {
  const [format, ...rest] = args;
  if (typeof format !== "string")
    return error(`wrong type for value; expected string; got ${goType(format)}`);
  let next = 0;
  const out = format.replace(
    /%([-+# 0]*)(\d+)?(?:\.(\d+))?([%svdqftxXgeTc])/g,
    (_all, flags: string, width?: string, precision?: string, verb?: string) => {
      if (verb === "%") return "%";
      if (next >= rest.length) return `%!${verb}(MISSING)`;
      const value = rest[next++];
      let text: string;
      switch (verb) {
        case "d":
          text = value instanceof Int ? String(value.value) : `%!d(${goType(value)}=${formatV(value)})`;
          break;
        case "f":
          text =
            typeof value === "number"
              ? value.toFixed(precision === undefined ? 6 : Number(precision))
              : `%!f(${goType(value)}=${formatV(value)})`;
          break;
        case "c":
          text =
            value instanceof Int
              ? String.fromCodePoint(value.value)
              : `%!c(${goType(value)}=${formatV(value)})`;
          break;
        case "q":
          text = typeof value === "string" ? JSON.stringify(value) : formatV(value);
          break;
        case "t":
          text = typeof value === "boolean" ? String(value) : `%!t(${goType(value)}=${formatV(value)})`;
          break;
        case "x":
        case "X": {
          const hex =
            typeof value === "string"
              ? [...new TextEncoder().encode(value)].map((b) => b.toString(16).padStart(2, "0")).join("")
              : Math.trunc(numeric(value)).toString(16);
          text = verb === "X" ? hex.toUpperCase() : hex;
          break;
        }
        case "T":
          text = goType(value);
          break;
        default:
          text = formatV(value);
      }
      const w = Number(width ?? 0);
      return flags.includes("-")
        ? text.padEnd(w)
        : text.padStart(w, flags.includes("0") && verb !== "s" ? "0" : " ");
    },
  );
  return next < rest.length
    ? `${out}%!(EXTRA ${rest
        .slice(next)
        .map((v) => `${goType(v)}=${formatV(v)}`)
        .join(", ")})`
    : out;
}

/** A parsed template, ready to run against objects. */
export interface GoTemplate {
  execute(data: unknown, allowMissingKeys?: boolean): string;
}

/** Parses a template; throws GoTemplateError with Go's parse error text. */
export function parseGoTemplate(src: string): GoTemplate {
  const nodes = new Parser(splitActions(src), src).parse();
  return {
    execute: (data, allowMissingKeys = true) => new Executor(allowMissingKeys, src).run(nodes, data as Value),
  };
}
