import { describe, expect, it } from "vitest";
import { Lexer, type ScannedItem, Token } from "./lexer";

function lexAll(s: string): ScannedItem[] {
  const lexer = new Lexer(s);
  const items: ScannedItem[] = [];
  for (;;) {
    const item = lexer.lex();
    items.push(item);
    if (item.tok === Token.EndOfString) return items;
  }
}

describe("Lexer (TestLexer)", () => {
  it.each([
    ["", Token.EndOfString],
    [",", Token.Comma],
    ["notin", Token.NotIn],
    ["in", Token.In],
    ["=", Token.Equals],
    ["==", Token.DoubleEquals],
    [">", Token.GreaterThan],
    ["<", Token.LessThan],
    ["!", Token.DoesNotExist],
    ["!=", Token.NotEquals],
    ["(", Token.OpenPar],
    [")", Token.ClosedPar],
    ["~", Token.Identifier],
    ["||", Token.Identifier],
  ])("reads %j as one %s token with its text as literal", (s, tok) => {
    expect(new Lexer(s).lex()).toEqual({ tok, literal: s });
  });
});

describe("Lexer sequences (TestLexerSequence / TestParserLookahead)", () => {
  const T = Token;
  it.each([
    ["key in ( value )", [T.Identifier, T.In, T.OpenPar, T.Identifier, T.ClosedPar]],
    ["key notin ( value )", [T.Identifier, T.NotIn, T.OpenPar, T.Identifier, T.ClosedPar]],
    [
      "key in ( value1, value2 )",
      [T.Identifier, T.In, T.OpenPar, T.Identifier, T.Comma, T.Identifier, T.ClosedPar],
    ],
    ["key", [T.Identifier]],
    ["!key", [T.DoesNotExist, T.Identifier]],
    ["()", [T.OpenPar, T.ClosedPar]],
    ["", []],
    ["x in (),y", [T.Identifier, T.In, T.OpenPar, T.ClosedPar, T.Comma, T.Identifier]],
    ["== != (), = notin", [T.DoubleEquals, T.NotEquals, T.OpenPar, T.ClosedPar, T.Comma, T.Equals, T.NotIn]],
    ["key>2", [T.Identifier, T.GreaterThan, T.Identifier]],
    ["key<1", [T.Identifier, T.LessThan, T.Identifier]],
  ])("splits %j into the tokens Kubernetes produces", (s, toks) => {
    expect(lexAll(s).map((i) => i.tok)).toEqual([...toks, T.EndOfString]);
  });

  it("takes the longest special-symbol token and leaves the rest for the next token", () => {
    expect(lexAll("a!==b").map((i) => i.literal)).toEqual(["a", "!=", "=", "b", ""]);
  });

  it("treats tab, CR and LF as whitespace", () => {
    expect(lexAll("\rx\tin\n(a)").map((i) => i.literal)).toEqual(["x", "in", "(", "a", ")", ""]);
  });

  it("ends the input at a NUL where a token starts, and splits an identifier at one, as Go's byte lexer does", () => {
    expect(lexAll("\0b").map((i) => i.tok)).toEqual([T.EndOfString]);
    expect(lexAll("a\0b").map((i) => i.literal)).toEqual(["a", "b", ""]);
  });
});
