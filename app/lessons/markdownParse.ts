/**
 * A small Markdown reader for lesson prose: paragraphs, headings, lists, fenced code,
 * quotes, tables, and inline code, bold, italics and links. It produces a plain tree that
 * Markdown.tsx renders as React elements, so raw HTML in content is shown as text, never
 * injected: there is no path from lesson text to innerHTML.
 */

/** Inline content. */
export type MdInline =
  | { type: "text"; text: string }
  | { type: "code"; text: string }
  | { type: "strong" | "em"; children: MdInline[] }
  | { type: "link"; href: string; children: MdInline[] };

/** Block content. */
export type MdBlock =
  | { type: "paragraph"; children: MdInline[] }
  | { type: "heading"; level: number; children: MdInline[] }
  | { type: "code"; lang: string; text: string }
  | { type: "list"; ordered: boolean; items: MdInline[][] }
  | { type: "quote"; children: MdInline[] }
  | { type: "table"; header: MdInline[][]; rows: MdInline[][][] };

const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const ORDERED = /^\s{0,3}\d{1,3}[.)]\s+(.*)$/;
const FENCE = /^\s{0,3}(```|~~~)\s*([\w-]*)\s*$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Reads Markdown text into blocks. Never throws; anything it does not know is a paragraph. */
export function parseMarkdown(text: string): MdBlock[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const blocks: MdBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === "") {
      i++;
      continue;
    }
    const reader = [readFence, readHeading, readTable, readList, readQuote].find((r) => r(lines, i));
    const read = reader ? reader(lines, i) : readParagraph(lines, i);
    if (!read) break;
    blocks.push(read.block);
    i = read.next;
  }
  return blocks;
}

type Read = { block: MdBlock; next: number } | undefined;

function readFence(lines: string[], i: number): Read {
  const open = FENCE.exec(lines[i]);
  if (!open) return undefined;
  const body: string[] = [];
  let j = i + 1;
  while (j < lines.length && lines[j].trim() !== open[1]) body.push(lines[j++]);
  return { block: { type: "code", lang: open[2], text: body.join("\n") }, next: j + 1 };
}

function readHeading(lines: string[], i: number): Read {
  const match = HEADING.exec(lines[i]);
  if (!match) return undefined;
  return { block: { type: "heading", level: match[1].length, children: parseInline(match[2]) }, next: i + 1 };
}

function readList(lines: string[], i: number): Read {
  const ordered = ORDERED.test(lines[i]);
  const marker = ordered ? ORDERED : BULLET;
  if (!marker.test(lines[i])) return undefined;
  const items: string[] = [];
  let j = i;
  while (j < lines.length && lines[j].trim() !== "") {
    const item = marker.exec(lines[j]) ?? (ordered ? undefined : BULLET.exec(lines[j]));
    if (item) items.push(item[1]);
    else if (/^\s+\S/.test(lines[j]) || !startsBlock(lines, j))
      items[items.length - 1] += ` ${lines[j].trim()}`;
    else break;
    j++;
  }
  return { block: { type: "list", ordered, items: items.map(parseInline) }, next: j };
}

function readQuote(lines: string[], i: number): Read {
  if (!QUOTE.test(lines[i])) return undefined;
  const body: string[] = [];
  let j = i;
  for (let m = QUOTE.exec(lines[j]); m && j < lines.length; m = QUOTE.exec(lines[++j] ?? "")) body.push(m[1]);
  return { block: { type: "quote", children: parseInline(body.join(" ")) }, next: j };
}

function readTable(lines: string[], i: number): Read {
  if (!lines[i].includes("|") || !TABLE_RULE.test(lines[i + 1] ?? "")) return undefined;
  const header = cells(lines[i]);
  const rows: MdInline[][][] = [];
  let j = i + 2;
  for (; j < lines.length && lines[j].includes("|") && lines[j].trim() !== ""; j++)
    rows.push(cells(lines[j]));
  return { block: { type: "table", header, rows }, next: j };
}

function cells(line: string): MdInline[][] {
  const trimmed = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  return trimmed.split(/(?<!\\)\|/).map((cell) => parseInline(cell.trim().replace(/\\\|/g, "|")));
}

function readParagraph(lines: string[], i: number): Read {
  const body = [lines[i]];
  let j = i + 1;
  while (j < lines.length && lines[j].trim() !== "" && !startsBlock(lines, j)) body.push(lines[j++]);
  return {
    block: { type: "paragraph", children: parseInline(body.map((l) => l.trim()).join(" ")) },
    next: j,
  };
}

function startsBlock(lines: string[], i: number): boolean {
  const line = lines[i];
  return [FENCE, HEADING, BULLET, ORDERED, QUOTE].some((re) => re.test(line)) || Boolean(readTable(lines, i));
}

/** Inline syntax, earliest match wins: code spans first so their content stays literal. */
const INLINE =
  /`([^`]+)`|\*\*(.+?)\*\*|__(.+?)__|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)|(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)|\[([^\]]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)/;

/** Reads inline Markdown into a list of inline nodes. */
export function parseInline(text: string): MdInline[] {
  const out: MdInline[] = [];
  let rest = text;
  for (let match = INLINE.exec(rest); match; match = INLINE.exec(rest)) {
    if (match.index > 0) out.push({ type: "text", text: rest.slice(0, match.index) });
    out.push(inlineNode(match));
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest) out.push({ type: "text", text: rest });
  return out;
}

function inlineNode(m: RegExpExecArray): MdInline {
  if (m[1] !== undefined) return { type: "code", text: m[1] };
  if (m[2] !== undefined || m[3] !== undefined)
    return { type: "strong", children: parseInline(m[2] ?? m[3]) };
  if (m[4] !== undefined || m[5] !== undefined) return { type: "em", children: parseInline(m[4] ?? m[5]) };
  const href = safeHref(m[7]);
  return href ? { type: "link", href, children: parseInline(m[6]) } : { type: "text", text: m[6] };
}

/**
 * Links may go to the web (http, https) or to another place in the app (`#/lessons/…`).
 * Anything else (javascript:, data:, relative paths) is dropped and its text kept.
 */
export function safeHref(href: string): string | undefined {
  if (/^https?:\/\/[^\s]+$/i.test(href)) return href;
  if (/^#\/[\w/-]*$/.test(href)) return href;
  return undefined;
}
