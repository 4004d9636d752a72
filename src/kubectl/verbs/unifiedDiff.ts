/**
 * `diff -u` of two texts: hunks with three lines of context, `@@ -a,b +c,d @@` headers as
 * GNU diff prints them. Lines are compared whole; the longest common subsequence decides
 * which lines are kept (the manifests kubectl diff compares are small).
 */

type Op = { kind: " " | "-" | "+"; line: string; a: number; b: number };

function lines(text: string): string[] {
  if (text === "") return [];
  return text.endsWith("\n") ? text.slice(0, -1).split("\n") : text.split("\n");
}

function editScript(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ kind: " ", line: a[i], a: i++, b: j++ });
    // Deletions before insertions within a change, as GNU diff prints them.
    else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1]))
      ops.push({ kind: "-", line: a[i], a: i++, b: j });
    else ops.push({ kind: "+", line: b[j], a: i, b: j++ });
  }
  return ops;
}

/** GNU diff's range: `start,count`, `start` alone for one line, `start-1,0` for none. */
function range(start: number, count: number): string {
  if (count === 0) return `${start},0`;
  return count === 1 ? `${start + 1}` : `${start + 1},${count}`;
}

/** The hunks of `diff -u` (without the ---/+++ header), or "" when the texts are equal. */
export function unifiedDiff(before: string, after: string, context = 3): string {
  const ops = editScript(lines(before), lines(after));
  const changed = ops.map((op, index) => (op.kind === " " ? -1 : index)).filter((index) => index >= 0);
  if (changed.length === 0) return "";
  const groups: [number, number][] = [];
  for (const index of changed) {
    const last = groups.at(-1);
    if (last && index - last[1] <= 2 * context) last[1] = index;
    else groups.push([index, index]);
  }
  let out = "";
  for (const [first, last] of groups) {
    const from = Math.max(0, first - context);
    const to = Math.min(ops.length - 1, last + context);
    const slice = ops.slice(from, to + 1);
    const aCount = slice.filter((op) => op.kind !== "+").length;
    const bCount = slice.filter((op) => op.kind !== "-").length;
    out += `@@ -${range(slice[0].a, aCount)} +${range(slice[0].b, bCount)} @@\n`;
    for (const op of slice) out += `${op.kind}${op.line}\n`;
  }
  return out;
}
