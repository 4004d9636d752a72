// The JSONPath template parser of k8s.io/client-go/util/jsonpath (parser.go), which
// kubectl uses for -o jsonpath, -o jsonpath-as-json, custom-columns and --sort-by.
// Templates mix text with {actions}; error texts are client-go's.

/** Start, end and step of an array selection, as parsed (end may be derived from start). */
export interface ParamsEntry {
  value: number;
  known: boolean;
  derived: boolean;
}

export type JsonPathNode =
  | { type: "text"; text: string }
  | ListNode
  | { type: "field"; value: string }
  | { type: "identifier"; name: string }
  | { type: "array"; params: [ParamsEntry, ParamsEntry, ParamsEntry] }
  | { type: "filter"; left: ListNode; right: ListNode; operator: string }
  | { type: "int"; value: number }
  | { type: "float"; value: number }
  | { type: "bool"; value: boolean }
  | { type: "wildcard" }
  | { type: "recursive" }
  | { type: "union"; nodes: ListNode[] };

/** A sequence of nodes: the template root, one {action}, or one side of a filter. */
export interface ListNode {
  type: "list";
  nodes: JsonPathNode[];
}

/** A parse failure; the message is client-go's (e.g. "unclosed action"). */
export class JsonPathParseError extends Error {}

const EOF = "";
const DICT_KEY = /^'([^']*)'$/;
const SLICE = /^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$/;
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/s;
const INT64_MAX = 2n ** 63n - 1n;

function isDigit(r: string): boolean {
  return /^\p{Nd}$/u.test(r);
}

function isAlphaNumeric(r: string): boolean {
  return r === "_" || /^[\p{L}\p{Nd}]$/u.test(r);
}

function isTerminator(r: string): boolean {
  return r === EOF || " \t\r\n.,[]$@{}".includes(r);
}

/** Go's %#U: "U+0021 '!'" for printable characters, "U+0009" otherwise. */
function formatRune(r: string): string {
  const code = `U+${(r.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(r) ? `${code} '${r}'` : code;
}

/** strconv.Atoi: a decimal int64 with optional sign. */
function atoi(text: string): number | null {
  if (!/^[+-]?[0-9]+$/.test(text)) return null;
  const n = BigInt(text);
  return n > INT64_MAX || n < -INT64_MAX - 1n ? null : Number(n);
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\\": "\\",
};

/** Decodes one escape after a backslash (strconv.UnquoteChar); returns [text, length]. */
function unquoteEscape(s: string, i: number, quote: string): [string, number] {
  const c = s[i];
  if (c in SIMPLE_ESCAPES) return [SIMPLE_ESCAPES[c], 1];
  if (c === "'" || c === '"') {
    if (c !== quote) throw new Error("invalid syntax");
    return [c, 1];
  }
  const hex = { x: 2, u: 4, U: 8 }[c as "x" | "u" | "U"];
  const digits = hex ? s.slice(i + 1, i + 1 + hex) : s.slice(i, i + 3);
  const valid = hex ? new RegExp(`^[0-9a-fA-F]{${hex}}$`) : /^[0-7]{3}$/;
  if (!valid.test(digits)) throw new Error("invalid syntax");
  const code = Number.parseInt(digits, hex ? 16 : 8);
  if (code > 0x10ffff || (!hex && code > 255) || (code >= 0xd800 && code < 0xe000 && c !== "x")) {
    throw new Error("invalid syntax");
  }
  return [String.fromCodePoint(code), hex ? hex + 1 : 3];
}

/** client-go's UnquoteExtend: strconv.Unquote that also accepts 'single-quoted' strings. */
export function unquoteExtend(s: string): string {
  const quote = s[0];
  if (s.length < 2 || quote !== s[s.length - 1] || (quote !== '"' && quote !== "'")) {
    throw new Error("invalid syntax");
  }
  const body = s.slice(1, -1);
  let out = "";
  for (let i = 0; i < body.length; ) {
    if (body[i] === quote) throw new Error("invalid syntax");
    if (body[i] !== "\\") {
      out += body[i++];
      continue;
    }
    const [text, length] = unquoteEscape(body, i + 1, quote);
    out += text;
    i += 1 + length;
  }
  return out;
}

/** Parses a whole template ("text {.path} text") into its root list. */
export function parseJsonPath(text: string): ListNode {
  return new Parser(text).parse();
}

/** Parses the inside of one action, as client-go's parseAction does for unions and filters. */
function parseAction(text: string): ListNode {
  const root = parseJsonPath(`{${text}}`);
  return root.nodes[0] as ListNode;
}

class Parser {
  private readonly root: ListNode = { type: "list", nodes: [] };
  private pos = 0;
  private start = 0;
  private width = 0;

  constructor(private readonly input: string) {}

  parse(): ListNode {
    this.parseText();
    return this.root;
  }

  private consumeText(): string {
    const value = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return value;
  }

  private next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const r = String.fromCodePoint(this.input.codePointAt(this.pos) ?? 0);
    this.width = r.length;
    this.pos += r.length;
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private peek(): string {
    const r = this.next();
    this.backup();
    return r;
  }

  /** Text up to the next "{", then the action; repeats until the end of the input. */
  private parseText(): void {
    for (;;) {
      while (!this.input.startsWith("{", this.pos) && this.next() !== EOF);
      if (this.pos > this.start) this.root.nodes.push({ type: "text", text: this.consumeText() });
      if (this.pos >= this.input.length) return;
      this.pos += 1;
      this.consumeText();
      const action: ListNode = { type: "list", nodes: [] };
      this.root.nodes.push(action);
      this.parseInsideAction(action);
    }
  }

  /** Parses the tokens of one action until its closing "}". */
  private parseInsideAction(cur: ListNode): void {
    for (;;) {
      const rest = this.input.slice(this.pos);
      if (rest.startsWith("}")) {
        this.pos += 1;
        this.consumeText();
        return;
      }
      if (rest.startsWith("[?(")) this.parseFilter(cur);
      else if (rest.startsWith("..")) this.parseRecursive(cur);
      else this.parseToken(cur);
    }
  }

  private parseToken(cur: ListNode): void {
    const r = this.next();
    if (r === EOF || r === "\r" || r === "\n") throw new JsonPathParseError("unclosed action");
    if (r === " " || r === "@" || r === "$") this.consumeText();
    else if (r === "[") this.parseArray(cur);
    else if (r === '"' || r === "'") this.parseQuote(cur, r);
    else if (r === ".") this.parseField(cur);
    else if (r === "+" || r === "-" || isDigit(r)) {
      this.backup();
      this.parseNumber(cur);
    } else if (isAlphaNumeric(r)) {
      this.backup();
      this.parseIdentifier(cur);
    } else throw new JsonPathParseError(`unrecognized character in action: ${formatRune(r)}`);
  }

  private parseIdentifier(cur: ListNode): void {
    while (!isTerminator(this.next()));
    this.backup();
    const value = this.consumeText();
    if (value === "true" || value === "false") cur.nodes.push({ type: "bool", value: value === "true" });
    else cur.nodes.push({ type: "identifier", name: value });
  }

  private parseRecursive(cur: ListNode): void {
    if (cur.nodes.at(-1)?.type === "recursive") {
      throw new JsonPathParseError("invalid multiple recursive descent");
    }
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: "recursive" });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  private parseNumber(cur: ListNode): void {
    const sign = this.peek();
    if (sign === "+" || sign === "-") this.next();
    for (let r = this.next(); r === "." || isDigit(r); r = this.next());
    this.backup();
    const value = this.consumeText();
    const int = atoi(value);
    if (int !== null) cur.nodes.push({ type: "int", value: int });
    else if (/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(value)) {
      cur.nodes.push({ type: "float", value: Number(value) });
    } else throw new JsonPathParseError(`cannot parse number ${value}`);
  }

  private parseArray(cur: ListNode): void {
    for (let r = this.next(); r !== "]"; r = this.next()) {
      if (r === EOF || r === "\n") throw new JsonPathParseError("unterminated array");
    }
    let text = this.consumeText().slice(1, -1);
    if (text === "*") text = ":";
    const parts = text.split(",");
    if (parts.length > 1) {
      const nodes = parts.map((part) => parseAction(`[${part.replace(/^ +| +$/g, "")}]`));
      cur.nodes.push({ type: "union", nodes });
      return;
    }
    const key = DICT_KEY.exec(text);
    if (key) {
      cur.nodes.push(...parseAction(`.${key[1]}`).nodes);
      return;
    }
    cur.nodes.push({ type: "array", params: parseSlice(text) });
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consumeText();
    let [begin, end, pair] = [false, false, ""];
    for (;;) {
      const r = this.next();
      if (r === EOF || r === "\n") throw new JsonPathParseError("unterminated filter");
      if (r === '"' || r === "'") {
        if (!begin) {
          [begin, pair] = [true, r];
          continue;
        }
        if (this.input[this.pos - 2] !== "\\" && r === pair) end = true;
      } else if (r === ")" && begin === end) break;
    }
    if (this.next() !== "]") throw new JsonPathParseError("unclosed array expect ]");
    const text = this.consumeText().slice(0, -2);
    const match = FILTER.exec(text);
    if (!match) {
      cur.nodes.push({
        type: "filter",
        left: parseAction(text),
        right: { type: "list", nodes: [] },
        operator: "exists",
      });
      return;
    }
    const [, left, operator, right] = match;
    cur.nodes.push({ type: "filter", left: parseAction(left), right: parseAction(right), operator });
  }

  private parseQuote(cur: ListNode, quote: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === "\n") throw new JsonPathParseError("unterminated quoted string");
      if (r === quote && this.input[this.pos - 2] !== "\\") break;
    }
    const value = this.consumeText();
    try {
      cur.nodes.push({ type: "text", text: unquoteExtend(value) });
    } catch (err) {
      throw new JsonPathParseError(`unquote string ${value} error ${(err as Error).message}`);
    }
  }

  private parseField(cur: ListNode): void {
    this.consumeText();
    for (;;) {
      const r = this.next();
      if (r === "\\") this.next();
      else if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (value === "*") cur.nodes.push({ type: "wildcard" });
    else cur.nodes.push({ type: "field", value: value.replaceAll("\\", "") });
  }
}

/** Parses "start:end:step" (each part optional) into array parameters. */
function parseSlice(text: string): [ParamsEntry, ParamsEntry, ParamsEntry] {
  const match = SLICE.exec(text);
  if (!match) throw new JsonPathParseError(`invalid array index ${text}`);
  const params: ParamsEntry[] = [];
  for (let i = 0; i < 3; i++) {
    let part = match[i + 1] ?? "";
    if (part === "") {
      params.push(i === 1 ? { value: params[0].value + 1, known: true, derived: true } : unknownParam());
      continue;
    }
    if (i > 0) part = part.slice(1);
    if (i > 0 && part === "") {
      params.push(unknownParam());
      continue;
    }
    const value = atoi(part);
    if (value === null) throw new JsonPathParseError(`array index ${part} is not a number`);
    params.push({ value, known: true, derived: false });
  }
  return params as [ParamsEntry, ParamsEntry, ParamsEntry];
}

function unknownParam(): ParamsEntry {
  return { value: 0, known: false, derived: false };
}
