/**
 * A recursive-descent parser for the shell subset: lists, `&&`/`||`, pipes, `while`/`until`,
 * `for`, `if`, `{ }`/`( )` groups, assignments and redirections.
 */
import {
  ShellSyntaxError,
  tokenize,
  type AndOr,
  type Command,
  type List,
  type Pipeline,
  type Redirect,
  type Token,
  type Word,
} from "./shellSyntax";

const RESERVED = new Set(["do", "done", "then", "else", "elif", "fi", "}", "in", "esac"]);

/** Parses a whole script. @throws ShellSyntaxError with busybox ash's wording. */
export function parseScript(src: string): List {
  const p = new Parser(tokenize(src));
  const list = p.list(new Set());
  if (!p.atEnd()) throw p.unexpected();
  return list;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isOp(op: string): boolean {
    const t = this.peek();
    return t?.kind === "op" && t.op === op;
  }

  private isKeyword(k: string): boolean {
    const t = this.peek();
    return t?.kind === "word" && t.raw === k;
  }

  unexpected(): ShellSyntaxError {
    const t = this.peek();
    if (!t) return new ShellSyntaxError("sh: syntax error: unexpected end of file");
    const text = t.kind === "word" ? t.raw : t.op === "\n" ? "newline" : t.op;
    return new ShellSyntaxError(`sh: syntax error: unexpected "${text}"`);
  }

  private expectKeyword(k: string): void {
    if (!this.isKeyword(k)) throw this.unexpected();
    this.pos++;
  }

  private skipNewlines(): void {
    while (this.isOp("\n")) this.pos++;
  }

  /** A list, up to (not including) one of the `stop` keywords or `)`. */
  list(stop: Set<string>): List {
    const list: List = [];
    for (;;) {
      while (this.isOp("\n") || this.isOp(";")) this.pos++;
      const t = this.peek();
      if (!t || this.isOp(")") || (t.kind === "word" && stop.has(t.raw))) return list;
      list.push(this.andOr());
      if (!(this.isOp(";") || this.isOp("&") || this.isOp("\n"))) return list;
      this.pos++;
    }
  }

  private andOr(): AndOr {
    const node: AndOr = { first: this.pipeline(), rest: [] };
    while (this.isOp("&&") || this.isOp("||")) {
      const op = (this.tokens[this.pos++] as { op: "&&" | "||" }).op;
      this.skipNewlines();
      node.rest.push({ op, pipeline: this.pipeline() });
    }
    return node;
  }

  private pipeline(): Pipeline {
    const bang = this.isKeyword("!");
    if (bang) this.pos++;
    const commands = [this.command()];
    while (this.isOp("|")) {
      this.pos++;
      this.skipNewlines();
      commands.push(this.command());
    }
    return { bang, commands };
  }

  private command(): Command {
    const t = this.peek();
    if (!t) throw this.unexpected();
    if (t.kind === "op" && t.op === "(") return this.group(true);
    if (t.kind === "word") {
      if (t.raw === "while" || t.raw === "until") return this.whileLoop(t.raw === "until");
      if (t.raw === "for") return this.forLoop();
      if (t.raw === "if") return this.ifCommand();
      if (t.raw === "{") return this.group(false);
      if (RESERVED.has(t.raw)) throw this.unexpected();
    }
    return this.simple();
  }

  private body(open: string, close: string): List {
    this.expectKeyword(open);
    const body = this.list(new Set([close]));
    this.expectKeyword(close);
    return body;
  }

  private whileLoop(until: boolean): Command {
    this.pos++;
    const cond = this.list(new Set(["do"]));
    return { type: "while", until, cond, body: this.body("do", "done") };
  }

  private forLoop(): Command {
    this.pos++;
    const name = this.peek();
    if (name?.kind !== "word" || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name.raw)) throw this.unexpected();
    this.pos++;
    this.skipNewlines();
    let items: Word[] | null = null;
    if (this.isKeyword("in")) {
      this.pos++;
      items = [];
      for (let t = this.peek(); t?.kind === "word"; t = this.peek()) {
        items.push(t.word);
        this.pos++;
      }
    }
    while (this.isOp(";") || this.isOp("\n")) this.pos++;
    return { type: "for", name: name.raw, items, body: this.body("do", "done") };
  }

  private ifCommand(): Command {
    const clauses: { cond: List; body: List }[] = [];
    this.pos++;
    for (;;) {
      const cond = this.list(new Set(["then"]));
      this.expectKeyword("then");
      clauses.push({ cond, body: this.list(new Set(["elif", "else", "fi"])) });
      if (!this.isKeyword("elif")) break;
      this.pos++;
    }
    let otherwise: List | null = null;
    if (this.isKeyword("else")) {
      this.pos++;
      otherwise = this.list(new Set(["fi"]));
    }
    this.expectKeyword("fi");
    return { type: "if", clauses, otherwise };
  }

  private group(subshell: boolean): Command {
    this.pos++;
    const body = this.list(new Set(["}"]));
    if (subshell ? !this.isOp(")") : !this.isKeyword("}")) throw this.unexpected();
    this.pos++;
    return { type: "group", subshell, body };
  }

  private simple(): Command {
    const cmd: Command & { type: "simple" } = { type: "simple", assigns: [], words: [], redirects: [] };
    for (;;) {
      const t = this.peek();
      if (t?.kind === "word") {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(t.raw);
        const first = t.word[0];
        if (m && cmd.words.length === 0 && first?.t === "lit" && !first.q && first.v.startsWith(m[0])) {
          cmd.assigns.push({ name: m[1], value: dropPrefix(t.word, m[0].length) });
        } else if (t.ioNumber) {
          this.pos++;
          cmd.redirects.push(this.redirect(Number(t.raw)));
          continue;
        } else {
          cmd.words.push(t.word);
        }
        this.pos++;
      } else if (t && isRedirectOp(t)) {
        cmd.redirects.push(this.redirect(undefined));
      } else {
        break;
      }
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirects.length === 0)
      throw this.unexpected();
    return cmd;
  }

  private redirect(fd: number | undefined): Redirect {
    const op = (this.tokens[this.pos++] as { op: string }).op;
    const target = this.peek();
    if (target?.kind !== "word") throw this.unexpected();
    this.pos++;
    const input = op === "<" || op === "<&";
    const dup = op.endsWith("&");
    const base = { fd: fd ?? (input ? 0 : 1), target: dup ? `&${target.raw}` : target.raw };
    if (dup) return base;
    return {
      ...base,
      word: target.word,
      ...(op === ">>" ? { append: true } : {}),
      ...(input ? { input } : {}),
    };
  }
}

function isRedirectOp(t: Token): boolean {
  return t.kind === "op" && [">", ">>", "<", ">&", "<&"].includes(t.op);
}

function dropPrefix(word: Word, n: number): Word {
  const [first, ...rest] = word;
  if (first.t !== "lit") return word;
  const v = first.v.slice(n);
  return v === "" ? rest : [{ ...first, v }, ...rest];
}
