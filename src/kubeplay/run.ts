import type { Cluster } from "../cluster";
import { splitShellWords } from "../kubectl/cli/shellWords";
import { KUBEPLAY_COMMANDS } from "./commands";

/** What a kubeplay command returns: its exit code and its two output streams, like kubectl. */
export interface KubeplayResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one `kubeplay` line (the leading word `kubeplay` is optional) against the cluster: the
 * simulator's own controls (time, node faults, simulated traffic). Never throws.
 */
export function runKubeplay(cluster: Cluster, line: string): KubeplayResult {
  const out: string[] = [];
  const err: string[] = [];
  let code: number;
  try {
    code = dispatch(cluster, line, out, err);
  } catch (error) {
    code = 1;
    err.push(`kubeplay: ${(error as Error).message}\n`);
  }
  return { code, stdout: out.join(""), stderr: err.join("") };
}

function dispatch(cluster: Cluster, line: string, out: string[], err: string[]): number {
  const split = splitShellWords(line);
  if ("error" in split) {
    err.push(`kubeplay: ${split.error}\n`);
    return 1;
  }
  const words = split.words[0] === "kubeplay" ? split.words.slice(1) : split.words;
  const [name = "help", ...args] = words;
  const command = KUBEPLAY_COMMANDS.find((c) => c.name === name);
  if (!command) {
    err.push(`kubeplay: unknown command "${name}"\nRun 'kubeplay help' for the list of commands.\n`);
    return 1;
  }
  return command.run({ cluster, args, out: (t) => out.push(t), err: (t) => err.push(t) });
}
