// Evaluation of a parsed JSONPath template over decoded JSON, following client-go's
// util/jsonpath/jsonpath.go (walk, evalField, evalArray, evalFilter, range/end...) and the
// comparison rules of its forked text/template funcs. Go iterates maps in random order
// for `*` and `..`; this walks keys in sorted order so that output is deterministic.

import { compareGoStrings, isGoInt, goSprint } from "./goFormat";
import type { JsonPathNode, ListNode, ParamsEntry } from "./jsonpathParser";

/** A float literal from the template (`1.0`): Go keeps it a float64, unlike integral data. */
export class GoFloat {
  constructor(readonly value: number) {}
}

/** An evaluation failure; the message is client-go's (e.g. "array index out of bounds: ..."). */
export class JsonPathExecError extends Error {}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof GoFloat);
}

/** Go's reflect type name of a decoded JSON value, as error messages print it. */
function goTypeName(v: unknown): string {
  if (v instanceof GoFloat) return "float64";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return isGoInt(v) ? "int64" : "float64";
  if (Array.isArray(v)) return "[]interface {}";
  return isMap(v) ? "map[string]interface {}" : "interface {}";
}

/** The children Go's reflection iterates for `*` and `..`: map values, items, string bytes. */
function childrenOf(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (typeof v === "string") return [...new TextEncoder().encode(v)];
  if (isMap(v))
    return Object.keys(v)
      .sort(compareGoStrings)
      .map((k) => v[k]);
  return [];
}

type Kind = "bool" | "int" | "float" | "string";

function basicKind(v: unknown): Kind {
  if (v instanceof GoFloat) return "float";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "string") return "string";
  if (typeof v === "number") return isGoInt(v) ? "int" : "float";
  throw new JsonPathExecError("invalid type for comparison");
}

function plain(v: unknown): unknown {
  return v instanceof GoFloat ? v.value : v;
}

/** template.Less: ints with ints, floats with floats, strings by bytes. */
function less(a: unknown, b: unknown): boolean {
  const [ka, kb] = [basicKind(a), basicKind(b)];
  if (ka !== kb) throw new JsonPathExecError("incompatible types for comparison");
  if (ka === "bool") throw new JsonPathExecError("invalid type for comparison");
  if (ka === "string") return compareGoStrings(a as string, b as string) < 0;
  return (plain(a) as number) < (plain(b) as number);
}

function equal(a: unknown, b: unknown): boolean {
  const [ka, kb] = [basicKind(a), basicKind(b)];
  if (ka !== kb) throw new JsonPathExecError("incompatible types for comparison");
  return plain(a) === plain(b);
}

const COMPARATORS: Record<string, (a: unknown, b: unknown) => boolean> = {
  "<": less,
  ">": (a, b) => !(less(a, b) || equal(a, b)),
  "==": equal,
  "!=": (a, b) => !equal(a, b),
  "<=": (a, b) => less(a, b) || equal(a, b),
  ">=": (a, b) => !less(a, b),
};

/** Options of one evaluation. */
export interface EvalOptions {
  /** A missing field yields no result instead of the error "x is not found". */
  allowMissingKeys: boolean;
}

/** Walks the nodes of a template over data; one instance per execution (it tracks ranges). */
export class JsonPathEvaluator {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode = -1;

  constructor(
    private readonly root: JsonPathNode[],
    private readonly options: EvalOptions,
  ) {}

  /** client-go FindResults: one list of values per top-level node, ranges expanded. */
  findResults(data: unknown, start = 0): unknown[][] {
    const full: unknown[][] = [];
    for (let i = start; i < this.root.length; i++) {
      const results = this.walk([data], this.root[i]);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = i;
        break;
      }
      if (this.beginRange > 0) {
        i = this.expandRange(results, i, full);
        continue;
      }
      full.push(results);
    }
    return full;
  }

  /** Runs the nodes after a {range} once per value; returns the index of its {end}. */
  private expandRange(values: unknown[], i: number, full: unknown[][]): number {
    this.beginRange--;
    this.inRange++;
    if (values.length > 0) for (const value of values) full.push(...this.findResults(value, i + 1));
    else this.findResults(null, i + 1); // still advances to the matching {end}
    this.inRange--;
    const end = this.lastEndNode;
    return end > i ? end : i;
  }

  private walk(input: unknown[], node: JsonPathNode): unknown[] {
    switch (node.type) {
      case "list":
        return this.evalList(input, node);
      case "text":
        return [node.text];
      case "field":
        return this.evalField(input, node.value);
      case "array":
        return this.evalArray(input, node.params);
      case "filter":
        return this.evalFilter(input, node);
      case "int":
      case "bool":
        return input.map(() => node.value);
      case "float":
        return input.map(() => new GoFloat(node.value));
      case "wildcard":
        return input.filter((v) => v !== null).flatMap(childrenOf);
      case "recursive":
        return this.evalRecursive(input);
      case "union":
        return node.nodes.flatMap((list) => this.evalList(input, list));
      case "identifier":
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: unknown[], list: ListNode): unknown[] {
    return list.nodes.reduce((cur, node) => this.walk(cur, node), input);
  }

  private evalIdentifier(input: unknown[], name: string): unknown[] {
    if (name === "range") {
      this.beginRange++;
      return input;
    }
    if (name === "end") {
      if (this.inRange === 0) throw new JsonPathExecError("not in range, nothing to end");
      this.endRange++;
      return [];
    }
    throw new JsonPathExecError(`unrecognized identifier ${name}`);
  }

  private evalField(input: unknown[], name: string): unknown[] {
    const results = input
      .filter((v) => isMap(v) && Object.hasOwn(v, name))
      .map((v) => (v as Record<string, unknown>)[name]);
    if (results.length === 0 && input.length > 0 && !this.options.allowMissingKeys) {
      throw new JsonPathExecError(`${name} is not found`);
    }
    return results;
  }

  private evalArray(input: unknown[], params: ParamsEntry[]): unknown[] {
    const result: unknown[] = [];
    for (const value of input) {
      if (value === null) continue;
      if (!Array.isArray(value)) throw new JsonPathExecError(`${goTypeName(value)} is not array or slice`);
      const [from, to, step] = sliceBounds(params, value.length);
      if (from === to) return result; // zero elements requested: allowed, and ends the walk
      for (let i = from; i < to; i += step) result.push(value[i]);
    }
    return result;
  }

  private evalRecursive(input: unknown[]): unknown[] {
    const result: unknown[] = [];
    for (const value of input) {
      if (value === null) continue;
      const children = childrenOf(value);
      if (children.length === 0) continue;
      result.push(value, ...this.evalRecursive(children));
    }
    return result;
  }

  private evalFilter(input: unknown[], node: Extract<JsonPathNode, { type: "filter" }>): unknown[] {
    const results: unknown[] = [];
    for (const value of input) {
      if (!Array.isArray(value)) {
        throw new JsonPathExecError(`${goSprint(plain(value))} is not array or slice and cannot be filtered`);
      }
      for (const item of value) if (this.filterAccepts(item, node)) results.push(item);
    }
    return results;
  }

  private filterAccepts(item: unknown, node: Extract<JsonPathNode, { type: "filter" }>): boolean {
    if (node.operator === "exists") {
      try {
        return this.evalList([item], node.left).length > 0;
      } catch {
        return false; // client-go ignores the error when only testing existence
      }
    }
    const left = this.single(this.evalList([item], node.left));
    if (left === undefined) return false;
    const right = this.single(this.evalList([item], node.right));
    if (right === undefined) return false;
    const compare = COMPARATORS[node.operator];
    if (!compare) throw new JsonPathExecError(`unrecognized filter operator ${node.operator}`);
    return compare(left, right);
  }

  private single(values: unknown[]): unknown {
    if (values.length > 1) throw new JsonPathExecError("can only compare one element at a time");
    return values.length === 0 ? undefined : values[0];
  }
}

/** Resolves start, end and step of an array selection against a length, checking bounds. */
function sliceBounds(params: ParamsEntry[], length: number): [number, number, number] {
  let from = params[0].known ? params[0].value : 0;
  if (from < 0) from += length;
  let to = params[1].known ? params[1].value : length;
  if (to < 0 || (to === 0 && params[1].derived)) to += length;
  if (to === from) return [from, to, 1];
  if (from >= length || from < 0) {
    throw new JsonPathExecError(`array index out of bounds: index ${from}, length ${length}`);
  }
  if (to > length || to < 0) {
    throw new JsonPathExecError(`array index out of bounds: index ${to - 1}, length ${length}`);
  }
  if (from > to) throw new JsonPathExecError(`starting index ${from} is greater than ending index ${to}`);
  if (params[2].known && params[2].value <= 0) throw new JsonPathExecError("step must be > 0");
  return [from, to, params[2].known ? params[2].value : 1];
}
