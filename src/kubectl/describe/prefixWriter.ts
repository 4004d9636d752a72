import { tabwriterFormat } from "./goTabwriter";

/**
 * describe's PrefixWriter over a tabwriter: `write(level, text)` indents by two spaces per
 * level; `flush()` ends a tabwriter segment (DescribeEvents flushes so that the events
 * table aligns on its own). `toString()` is the formatted output.
 */
export class PrefixWriter {
  private segments: string[] = [];
  private current = "";
  private raw = "";

  write(level: number, text: string): void {
    this.append("  ".repeat(level) + text);
  }

  /** fmt.Sprintln of one value: the text and a newline. */
  writeLine(text: string): void {
    this.append(`${text}\n`);
  }

  /** What was written, tabs unaligned: for callers that give the PrefixWriter a plain buffer (rollout history). */
  unaligned(): string {
    return this.raw;
  }

  private append(text: string): void {
    this.current += text;
    this.raw += text;
  }

  flush(): void {
    this.segments.push(tabwriterFormat(this.current));
    this.current = "";
  }

  toString(): string {
    return [...this.segments, tabwriterFormat(this.current)].join("");
  }
}
