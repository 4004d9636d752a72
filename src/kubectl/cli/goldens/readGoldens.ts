/**
 * Test-only reader for the captured kubectl outputs in this folder (made by
 * capture.sh from a real kubectl 1.32 with no cluster). Uses node:fs, so only
 * tests may import it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** One captured run of real kubectl. */
export interface Golden {
  name: string;
  /** The command line after "kubectl ", in bash quoting. */
  line: string;
  /** bash's own word splitting of `line`. */
  argv: string[];
  exitCode: number;
  stdout: string;
  stderr: string;
}

const folder = fileURLToPath(new URL(".", import.meta.url));

function header(text: string, key: string): string {
  const match = text.match(new RegExp(`^# ${key}: (.*)$`, "m"));
  if (!match) throw new Error(`golden without "# ${key}:"`);
  return match[1];
}

function parseGolden(name: string, text: string): Golden {
  const outAt = text.indexOf("\n--- stdout\n");
  const errAt = text.indexOf("--- stderr\n", outAt);
  return {
    name,
    line: header(text, "command").replace(/^kubectl ?/, ""),
    argv: JSON.parse(header(text, "argv")) as string[],
    exitCode: Number(header(text, "exit")),
    stdout: text.slice(outAt + "\n--- stdout\n".length, errAt),
    stderr: text.slice(errAt + "--- stderr\n".length),
  };
}

/** Every golden, by file name without ".txt". */
export function readGoldens(): Map<string, Golden> {
  const goldens = new Map<string, Golden>();
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith(".txt"))
    .sort()) {
    const name = file.slice(0, -".txt".length);
    goldens.set(name, parseGolden(name, readFileSync(folder + file, "utf8")));
  }
  return goldens;
}

/** The golden named `name`; throws if there is none. */
export function golden(name: string): Golden {
  const found = readGoldens().get(name);
  if (!found) throw new Error(`no golden ${name}.txt`);
  return found;
}
