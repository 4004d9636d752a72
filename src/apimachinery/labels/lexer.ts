/**
 * The label selector lexer of k8s.io/apimachinery/pkg/labels: splits a selector
 * string into tokens. Its quirks are Kubernetes' (longest special-symbol match,
 * keywords `in`/`notin`, a NUL character ends the input).
 */

/** Lexer token kinds, named as in apimachinery (without its "Token" suffix). */
export const Token = {
  Error: "Error",
  EndOfString: "EndOfString",
  ClosedPar: "ClosedPar",
  Comma: "Comma",
  DoesNotExist: "DoesNotExist",
  DoubleEquals: "DoubleEquals",
  Equals: "Equals",
  GreaterThan: "GreaterThan",
  Identifier: "Identifier",
  In: "In",
  LessThan: "LessThan",
  NotEquals: "NotEquals",
  NotIn: "NotIn",
  OpenPar: "OpenPar",
} as const;
/** One of the Token kinds. */
export type Token = (typeof Token)[keyof typeof Token];

/** A token and the text it was read from. */
export interface ScannedItem {
  readonly tok: Token;
  readonly literal: string;
}

const STRING_TO_TOKEN: ReadonlyMap<string, Token> = new Map([
  [")", Token.ClosedPar],
  [",", Token.Comma],
  ["!", Token.DoesNotExist],
  ["==", Token.DoubleEquals],
  ["=", Token.Equals],
  [">", Token.GreaterThan],
  ["in", Token.In],
  ["<", Token.LessThan],
  ["!=", Token.NotEquals],
  ["notin", Token.NotIn],
  ["(", Token.OpenPar],
]);

const END = "\0";

function isWhitespace(ch: string): boolean {
  return ch === " " || ch === "\t" || ch === "\r" || ch === "\n";
}

function isSpecialSymbol(ch: string): boolean {
  return "=!(),><".includes(ch) && ch.length === 1;
}

/** Reads tokens one at a time from a selector string. */
export class Lexer {
  private pos = 0;
  constructor(private readonly s: string) {}

  /** The next token; EndOfString once the input (or a NUL) is reached. */
  lex(): ScannedItem {
    const ch = this.skipWhiteSpaces(this.read());
    if (ch === END) return { tok: Token.EndOfString, literal: "" };
    this.unread();
    return isSpecialSymbol(ch) ? this.scanSpecialSymbol() : this.scanIdOrKeyword();
  }

  // Like Go's, read returns NUL at the end without moving, so unread after the end
  // is only ever called after a real character.
  private read(): string {
    if (this.pos >= this.s.length) return END;
    return this.s[this.pos++];
  }

  private unread(): void {
    this.pos--;
  }

  private skipWhiteSpaces(ch: string): string {
    while (isWhitespace(ch)) ch = this.read();
    return ch;
  }

  private scanIdOrKeyword(): ScannedItem {
    let buffer = "";
    for (;;) {
      const ch = this.read();
      if (ch === END) break;
      if (isSpecialSymbol(ch) || isWhitespace(ch)) {
        this.unread();
        break;
      }
      buffer += ch;
    }
    return { tok: STRING_TO_TOKEN.get(buffer) ?? Token.Identifier, literal: buffer };
  }

  // Takes the longest run of special symbols that still forms a token ("!=" over "!").
  private scanSpecialSymbol(): ScannedItem {
    let last: ScannedItem | undefined;
    let buffer = "";
    for (;;) {
      const ch = this.read();
      if (ch === END) break;
      if (!isSpecialSymbol(ch)) {
        this.unread();
        break;
      }
      buffer += ch;
      const tok = STRING_TO_TOKEN.get(buffer);
      if (tok !== undefined) last = { tok, literal: buffer };
      else if (last) {
        this.unread();
        break;
      }
    }
    return last ?? { tok: Token.Error, literal: `error expected: keyword found '${buffer}'` };
  }
}
