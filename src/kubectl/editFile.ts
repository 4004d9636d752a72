/**
 * The temporary file `kubectl edit` hands to the editor, and the rules it reads it back by
 * (kubectl's pkg/cmd/util/editor and cmdutil.StripComments/ManualStrip): a commented header,
 * the reasons a save was refused, comparisons that ignore comments and layout.
 */
import { loadYamlDocuments, MAX_MANIFEST_BYTES } from "./manifest";

/** The header of every round (the edit mode kubectl edit uses; JSON files get none). */
const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

/** Why a saved file is handed back to the editor: a headline and, for invalid objects, each cause. */
export interface EditReason {
  head: string;
  causes?: string[];
}

/** The header of `kubectl apply edit-last-applied`'s file (ApplyEditMode). */
const APPLY_HEADER = `# Please edit the 'last-applied-configuration' annotations below.
# Lines beginning with a '#' will be ignored, and an empty file will abort the edit.
#
`;

/** What is edited: the objects (`kubectl edit`), or their last-applied annotations (`apply edit-last-applied`). */
export type EditMode = "objects" | "last-applied";

/** The header with the reasons of the previous round, as editHeader.writeTo prints it. */
export function editHeader(reasons: readonly EditReason[], mode: EditMode = "objects"): string {
  let out = mode === "objects" ? HEADER : APPLY_HEADER;
  for (const reason of reasons) {
    out += reason.causes?.length
      ? `# ${hashOnLineBreak(reason.head)}:\n`
      : `# ${hashOnLineBreak(reason.head)}\n`;
    for (const cause of reason.causes ?? []) out += `# * ${hashOnLineBreak(cause)}\n`;
    out += "#\n";
  }
  return out;
}

/** Drops comment lines (a `#` first, but not `#!`), keeping every other line as it is. */
export function manualStrip(text: string): string {
  const lines = text.split("\n");
  const kept: string[] = [];
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed.startsWith("#") && !trimmed.startsWith("#!")) return;
    kept.push(i < lines.length - 1 ? `${line}\n` : line);
  });
  return kept.join("");
}

/**
 * What two saves are compared by: the documents as JSON when the text parses (so comments,
 * indentation and quoting make no difference), else the text without its comment lines.
 */
export function strippedForComparison(text: string): string {
  try {
    if (text.length > MAX_MANIFEST_BYTES) return manualStrip(text);
    return JSON.stringify(loadYamlDocuments(text, "edited-file"));
  } catch {
    return manualStrip(text);
  }
}

/** True when some line holds more than blanks and comments (an empty save aborts the edit). */
export function hasLines(text: string): boolean {
  return text.split(/\r?\n/).some((line) => {
    const trimmed = line.trim();
    return trimmed.length > 0 && !trimmed.startsWith("#");
  });
}

/** Keeps a multi-line message inside the comment block: `# ` after each line break. */
function hashOnLineBreak(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const next = text[i + 1];
    out += text[i] === "\n" && next !== undefined && next !== "#" ? "\n# " : text[i];
  }
  return out;
}
