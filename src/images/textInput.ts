/** How the text filters (head, grep, base64 …) read their operands: named files, or stdin. */
import type { Files } from "./containerFs";
import { err } from "./shellState";

/** What a filter reads its file operands from: a shell's files (relative to its directory). */
export interface TextFiles {
  fs: Pick<Files, "read">;
}

/** What a filter reads: each named file's text, or stdin without any. Missing files are reported. */
export function* inputs(
  applet: string,
  files: string[],
  stdin: string,
  st: TextFiles,
): Generator<ReturnType<typeof err>, { name: string; text: string }[] | undefined, undefined> {
  if (files.length === 0 || (files.length === 1 && files[0] === "-")) return [{ name: "-", text: stdin }];
  const read: { name: string; text: string }[] = [];
  let missing = false;
  for (const name of files) {
    const text = name === "-" ? stdin : st.fs.read(name);
    if (typeof text === "string") read.push({ name, text });
    else {
      missing = true;
      yield err(`${applet}: ${name}: ${text.error}\n`);
    }
  }
  return missing && read.length === 0 ? undefined : read;
}
