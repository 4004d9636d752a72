/**
 * The label selector parser of k8s.io/apimachinery/pkg/labels (Parse /
 * ParseToRequirements): a recursive descent over the lexer's tokens that yields
 * requirements sorted by key, or throws SelectorParseError with Kubernetes' message.
 */
import { formatFieldError } from "./fieldError";
import { compareGoStrings, sortedGoStrings } from "./goString";
import { Lexer, type ScannedItem, Token } from "./lexer";
import {
  BINARY_OPERATORS,
  InvalidRequirementError,
  newRequirement,
  type Operator,
  parserKeyError,
  type Requirement,
} from "./requirement";

/** A selector string that does not parse; `message` is apimachinery's error text. */
export class SelectorParseError extends Error {
  override name = "SelectorParseError";
}

// In the Values context the keywords `in` and `notin` are ordinary identifiers,
// so that `x in (in)` and `notin=in` work.
type Context = "keyAndOperator" | "values";

const fail = (msg: string): never => {
  throw new SelectorParseError(msg);
};

class Parser {
  private readonly items: ScannedItem[] = [];
  private position = 0;

  constructor(text: string) {
    const lexer = new Lexer(text);
    for (;;) {
      const item = lexer.lex();
      this.items.push(item);
      if (item.tok === Token.EndOfString) break;
    }
  }

  lookahead(context: Context): ScannedItem {
    return this.adjust(this.items[this.position], context);
  }

  consume(context: Context): ScannedItem {
    return this.adjust(this.items[this.position++], context);
  }

  private adjust(item: ScannedItem, context: Context): ScannedItem {
    const keyword = item.tok === Token.In || item.tok === Token.NotIn;
    return context === "values" && keyword ? { tok: Token.Identifier, literal: item.literal } : item;
  }
}

/** Parses the whole selector; requirements come out in input order. */
function parseAll(p: Parser): Requirement[] {
  const requirements: Requirement[] = [];
  for (;;) {
    const { tok, literal } = p.lookahead("values");
    if (tok === Token.EndOfString) return requirements;
    if (tok !== Token.Identifier && tok !== Token.DoesNotExist) {
      fail(`found '${literal}', expected: !, identifier, or 'end of string'`);
    }
    requirements.push(parseRequirementOrFail(p));
    const next = p.consume("values");
    if (next.tok === Token.EndOfString) return requirements;
    if (next.tok !== Token.Comma) fail(`found '${next.literal}', expected: ',' or 'end of string'`);
    const after = p.lookahead("values");
    if (after.tok !== Token.Identifier && after.tok !== Token.DoesNotExist) {
      fail(`found '${after.literal}', expected: identifier after ','`);
    }
  }
}

function parseRequirementOrFail(p: Parser): Requirement {
  try {
    return parseRequirement(p);
  } catch (e) {
    if (e instanceof SelectorParseError || e instanceof InvalidRequirementError) {
      throw new SelectorParseError(`unable to parse requirement: ${e.message}`);
    }
    throw e;
  }
}

function parseRequirement(p: Parser): Requirement {
  const { key, operator: inferred } = parseKeyAndInferOperator(p);
  if (inferred) return newRequirement(key, inferred, []);
  const operator = parseOperator(p);
  const values = operator === "in" || operator === "notin" ? parseValues(p) : parseExactValue(p);
  return newRequirement(key, operator, sortedGoStrings([...values]));
}

/** Reads `[!]key`; infers Exists/DoesNotExist when no operator follows. */
function parseKeyAndInferOperator(p: Parser): { key: string; operator?: Operator } {
  let item = p.consume("values");
  let operator: Operator | undefined;
  if (item.tok === Token.DoesNotExist) {
    operator = "!";
    item = p.consume("values");
  }
  if (item.tok !== Token.Identifier) fail(`found '${item.literal}', expected: identifier`);
  const keyErr = parserKeyError(item.literal);
  if (keyErr) fail(formatFieldError(keyErr));
  const next = p.lookahead("values").tok;
  if ((next === Token.EndOfString || next === Token.Comma) && operator !== "!") operator = "exists";
  return { key: item.literal, operator };
}

const TOKEN_OPERATOR: Partial<Record<Token, Operator>> = {
  [Token.In]: "in",
  [Token.Equals]: "=",
  [Token.DoubleEquals]: "==",
  [Token.GreaterThan]: "gt",
  [Token.LessThan]: "lt",
  [Token.NotIn]: "notin",
  [Token.NotEquals]: "!=",
};

function parseOperator(p: Parser): Operator {
  const { tok, literal } = p.consume("keyAndOperator");
  return TOKEN_OPERATOR[tok] ?? fail(`found '${literal}', expected: ${BINARY_OPERATORS.join(", ")}`);
}

/** Reads `(v1,v2,...)`; `()` is the set holding the empty string. */
function parseValues(p: Parser): Set<string> {
  const open = p.consume("values");
  if (open.tok !== Token.OpenPar) fail(`found '${open.literal}' expected: '('`);
  const { tok, literal } = p.lookahead("values");
  if (tok === Token.ClosedPar) {
    p.consume("values");
    return new Set([""]);
  }
  if (tok !== Token.Identifier && tok !== Token.Comma) {
    fail(`found '${literal}', expected: ',', ')' or identifier`);
  }
  const values = parseIdentifiersList(p);
  // Kubernetes reports the token seen before the list here, not the one that failed.
  if (p.consume("values").tok !== Token.ClosedPar) fail(`found '${literal}', expected: ')'`);
  return values;
}

/** A comma-separated list where empty entries (`(,a)`, `(a,,b)`, `(a,)`) mean "". */
function parseIdentifiersList(p: Parser): Set<string> {
  const s = new Set<string>();
  for (;;) {
    const { tok, literal } = p.consume("values");
    if (tok === Token.Identifier) {
      s.add(literal);
      const next = p.lookahead("values");
      if (next.tok === Token.Comma) continue;
      if (next.tok === Token.ClosedPar) return s;
      fail(`found '${next.literal}', expected: ',' or ')'`);
    } else if (tok === Token.Comma) {
      if (s.size === 0) s.add("");
      const next = p.lookahead("values").tok;
      if (next === Token.ClosedPar) {
        s.add("");
        return s;
      }
      if (next === Token.Comma) {
        p.consume("values");
        s.add("");
      }
    } else {
      fail(`found '${literal}', expected: ',', or identifier`);
    }
  }
}

/** Reads the single value after `=`, `==`, `!=`, `>` or `<`; nothing there means "". */
function parseExactValue(p: Parser): Set<string> {
  const next = p.lookahead("values").tok;
  if (next === Token.EndOfString || next === Token.Comma) return new Set([""]);
  const { tok, literal } = p.consume("values");
  if (tok !== Token.Identifier) fail(`found '${literal}', expected: identifier`);
  return new Set([literal]);
}

/**
 * labels.ParseToRequirements: the requirements of a selector string, sorted by key
 * (stable, so repeated keys keep their input order). Throws SelectorParseError.
 */
export function parseRequirements(text: string): Requirement[] {
  const requirements = parseAll(new Parser(text));
  return requirements.sort((a, b) => compareGoStrings(a.key, b.key));
}
