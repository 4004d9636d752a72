// The output half of go-yaml v2's emitter (emitterc.go): column tracking, indentation,
// indicators and the four scalar writers. Long plain and quoted scalars are folded at the
// first single space past column 80, as go-yaml does unless FutureLineWrap() was called
// (kubectl never calls it).

import { isYamlBreak, isYamlPrintable } from "./yamlAnalyze";

const BEST_WIDTH = 80;
const BEST_INDENT = 2;
const SPACE = 0x20;

const DOUBLE_QUOTED_ESCAPES: Record<number, string> = {
  0x00: "0",
  0x07: "a",
  0x08: "b",
  0x09: "t",
  0x0a: "n",
  0x0b: "v",
  0x0c: "f",
  0x0d: "r",
  0x1b: "e",
  0x22: '"',
  0x5c: "\\",
  0x85: "N",
  0xa0: "_",
  0x2028: "L",
  0x2029: "P",
};

function escapeForDoubleQuotes(cp: number): string {
  const short = DOUBLE_QUOTED_ESCAPES[cp];
  if (short !== undefined) return `\\${short}`;
  const [letter, width] = cp <= 0xff ? ["x", 2] : cp <= 0xffff ? ["u", 4] : ["U", 8];
  return `\\${letter}${cp.toString(16).toUpperCase().padStart(width, "0")}`;
}

/** Emitter state: where the cursor is and what was last written. */
export class YamlWriter {
  out = "";
  column = 0;
  indent = -1;
  private indents: number[] = [];
  /** The last character written was whitespace (so an indicator needs no space before it). */
  whitespace = true;
  /** Only indentation has been written on the current line. */
  indention = true;

  /** yaml_emitter_increase_indent. */
  increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  /** Restores the indentation saved by the matching increaseIndent. */
  popIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }

  private put(text: string): void {
    this.out += text;
    this.column++;
  }

  private putBreak(): void {
    this.out += "\n";
    this.column = 0;
  }

  private writeBreak(cp: number): void {
    if (cp === 0x0a) this.putBreak();
    else {
      this.out += String.fromCodePoint(cp);
      this.column = 0;
    }
  }

  /** yaml_emitter_write_indent: start a new line unless already at the indentation. */
  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      this.putBreak();
    }
    while (this.column < indent) this.put(" ");
    this.whitespace = true;
    this.indention = true;
  }

  /** yaml_emitter_write_indicator. */
  writeIndicator(
    indicator: string,
    needWhitespace: boolean,
    isWhitespace: boolean,
    isIndention: boolean,
  ): void {
    if (needWhitespace && !this.whitespace) this.put(" ");
    for (const ch of indicator) this.put(ch);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  /** Whether a space may become a line fold here (the flow styles add their own conditions). */
  private canFold(allowBreaks: boolean, spaces: boolean): boolean {
    return allowBreaks && !spaces && this.column > BEST_WIDTH;
  }

  /** yaml_emitter_write_plain_scalar. */
  writePlain(cps: number[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(" ");
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const cp = cps[i];
      if (cp === SPACE) {
        if (this.canFold(allowBreaks, spaces) && cps[i + 1] !== SPACE) this.writeIndent();
        else this.put(" ");
        spaces = true;
      } else {
        this.put(String.fromCodePoint(cp));
        this.indention = false;
        spaces = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  /** yaml_emitter_write_single_quoted_scalar. */
  writeSingleQuoted(cps: number[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let [spaces, breaks] = [false, false];
    for (let i = 0; i < cps.length; i++) {
      const cp = cps[i];
      if (cp === SPACE) {
        const inside = i > 0 && i < cps.length - 1 && cps[i + 1] !== SPACE;
        if (this.canFold(allowBreaks, spaces) && inside) this.writeIndent();
        else this.put(" ");
        spaces = true;
      } else if (isYamlBreak(cp)) {
        if (!breaks && cp === 0x0a) this.putBreak();
        this.writeBreak(cp);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (cp === 0x27) this.put("'");
        this.put(String.fromCodePoint(cp));
        this.indention = false;
        [spaces, breaks] = [false, false];
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  /** yaml_emitter_write_double_quoted_scalar. */
  writeDoubleQuoted(cps: number[], allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    // go-yaml's is_bom looks at the start of the value, not at i: a leading BOM escapes all.
    const startsWithBom = cps[0] === 0xfeff;
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const cp = cps[i];
      if (!isYamlPrintable(cp) || startsWithBom || isYamlBreak(cp) || cp === 0x22 || cp === 0x5c) {
        for (const ch of escapeForDoubleQuotes(cp)) this.put(ch);
        spaces = false;
      } else if (cp === SPACE) {
        if (this.canFold(allowBreaks, spaces) && i > 0 && i < cps.length - 1) {
          this.writeIndent();
          if (cps[i + 1] === SPACE) this.put("\\");
        } else this.put(" ");
        spaces = true;
      } else {
        this.put(String.fromCodePoint(cp));
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  /** yaml_emitter_write_block_scalar_hints: indentation and chomping indicators. */
  private writeBlockHints(cps: number[]): void {
    if (cps[0] === SPACE || isYamlBreak(cps[0]))
      this.writeIndicator(String(BEST_INDENT), false, false, false);
    const last = cps.length - 1;
    let chomp = "";
    if (!isYamlBreak(cps[last])) chomp = "-";
    else if (last === 0 || isYamlBreak(cps[last - 1])) chomp = "+";
    if (chomp) this.writeIndicator(chomp, false, false, false);
  }

  /** yaml_emitter_write_literal_scalar: `|`, `|-` or `|+` and the lines, indented. */
  writeLiteral(cps: number[]): void {
    this.writeIndicator("|", true, false, false);
    this.writeBlockHints(cps);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const cp of cps) {
      if (isYamlBreak(cp)) {
        this.writeBreak(cp);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(String.fromCodePoint(cp));
        this.indention = false;
        breaks = false;
      }
    }
  }
}
