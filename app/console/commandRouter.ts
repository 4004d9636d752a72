/**
 * What a console line is: kubectl (also spelled `k`), a kubeplay command, one of the console's
 * own (`clear`, `help`), a shell builtin it has (`NAME=VALUE`, `export`, `unset`, `echo`), or
 * something this console does not run. Like a real shell, a bare `get pods` is not kubectl: it
 * is "command not found", with `kubectl get pods` suggested.
 */

/** A classified console line. kubectl lines are normalised to start with `kubectl `. */
export type RoutedLine =
  | { kind: "empty" }
  | { kind: "clear" }
  | { kind: "help" }
  | { kind: "kubectl"; line: string }
  | { kind: "kubeplay"; line: string }
  /** `NAME=VALUE …` or `export [NAME[=VALUE]] …`: shell variables. */
  | { kind: "assign"; line: string }
  | { kind: "unset"; line: string }
  | { kind: "echo"; line: string }
  | { kind: "unknown"; command: string; suggestion?: string };

/** Classifies one line; `verbs` are kubectl's verb names and aliases (for the suggestion). */
export function routeLine(input: string, verbs: readonly string[]): RoutedLine {
  const line = input.trim();
  const [first = "", ...rest] = line.split(/\s+/);
  if (line === "") return { kind: "empty" };
  if (first === "clear" && rest.length === 0) return { kind: "clear" };
  if (first === "help" && rest.length === 0) return { kind: "help" };
  if (first === "kubectl" || first === "k")
    return { kind: "kubectl", line: `kubectl${line.slice(first.length)}` };
  if (first === "kubeplay") return { kind: "kubeplay", line };
  if (first === "export" || /^[A-Za-z_][A-Za-z0-9_]*=/.test(first)) return { kind: "assign", line };
  if (first === "unset") return { kind: "unset", line };
  if (first === "echo") return { kind: "echo", line };
  return verbs.includes(first)
    ? { kind: "unknown", command: first, suggestion: `kubectl ${line}` }
    : { kind: "unknown", command: first };
}

/** The editor files a kubectl line names (`-f web.yaml`, `--filename=web.yaml`), to send along with it. */
export function filesNamed(line: string, files: Record<string, string>): Record<string, string> | undefined {
  const words = new Set(line.split(/[\s=,]+/));
  const named = Object.entries(files).filter(([name]) => words.has(name));
  return named.length > 0 ? Object.fromEntries(named) : undefined;
}
