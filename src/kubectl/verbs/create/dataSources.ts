import { KubectlError, type VerbContext } from "../../verb";

/** One key and its text, from --from-literal, --from-file or --from-env-file. */
export interface DataEntry {
  key: string;
  value: string;
}

/** ParseLiteralSource: `key=value`, split at the first `=`, key non-empty. */
export function parseLiteralSource(source: string): DataEntry {
  const at = source.indexOf("=");
  if (at <= 0) throw new KubectlError(`error: invalid literal source ${source}, expected key=value`);
  return { key: source.slice(0, at), value: source.slice(at + 1) };
}

/**
 * ParseFileSource: `path` (key is the file's base name) or `key=path`. Files are the
 * console's named files (the editor's tabs).
 */
export function parseFileSource(ctx: VerbContext, source: string): DataEntry {
  const at = source.indexOf("=");
  if (at === 0) throw new KubectlError(`error: key name for file path ${source.slice(1)} missing`);
  if (at === source.length - 1)
    throw new KubectlError(`error: file path for key name ${source.slice(0, -1)} missing`);
  const path = at === -1 ? source : source.slice(at + 1);
  const key = at === -1 ? (path.split("/").pop() ?? path) : source.slice(0, at);
  const value = ctx.files[path];
  if (value === undefined) throw new KubectlError(`error: error reading ${path}: no such file or directory`);
  return { key, value };
}

/** An env file's `KEY=VALUE` lines (blank lines and `#` comments skipped). */
export function parseEnvFile(ctx: VerbContext, path: string): DataEntry[] {
  const text = ctx.files[path];
  if (text === undefined) throw new KubectlError(`error: error reading ${path}: no such file or directory`);
  const entries: DataEntry[] = [];
  text.split("\n").forEach((raw, index) => {
    const line = raw.replace(/^\uFEFF/, "").trimStart();
    if (line === "" || line.startsWith("#")) return;
    const at = line.indexOf("=");
    if (at === -1) {
      entries.push({ key: line, value: "" }); // kubectl reads the variable from its own environment; the playground has none
      return;
    }
    const key = line.slice(0, at);
    if (/\s/.test(key) || key === "")
      throw new KubectlError(`error: "${key}" is not a valid key name: line ${index + 1}`);
    entries.push({ key, value: line.slice(at + 1) });
  });
  return entries;
}
