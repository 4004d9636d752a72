import { type Cluster, createCluster } from "../cluster";
import type { KubectlStream } from "../kubectl/stream";
import { followStream } from "./follow";

/**
 * A kubectl transcript: a file that reads like a terminal session and is replayed against a
 * fresh cluster. Lines:
 *   `# cluster: seed=1 nodes=3`   options (first line, optional)
 *   `$ kubectl <args>`            a command; following `< ` lines are its stdin
 *   `@ advance <seconds>`         simulated time passes
 *   `@ follow <seconds>`          the last command keeps running (get -w, rollout status, logs -f):
 *                                 time passes a second at a time, up to <seconds>, and what it prints
 *                                 follows; if it is still running then, it is interrupted (Ctrl-C)
 *   anything else                 expected output (stdout then stderr), up to the next command
 *   `[exit N]`                    expected non-zero exit code (omitted for 0)
 * Lines starting with `#` after the first are comments.
 */
export interface TranscriptStep {
  kind: "command" | "advance" | "follow";
  line: string;
  stdin?: string;
  expected: string;
  code: number;
}

/** Parses a transcript file into its cluster options and steps. */
export function parseTranscript(text: string): { seed: number; nodes: number; steps: TranscriptStep[] } {
  const lines = text.replace(/\n$/, "").split("\n");
  let seed = 1;
  let nodes = 3;
  const header = /^# cluster:(.*)$/.exec(lines[0] ?? "");
  if (header) {
    seed = Number(/seed=(\d+)/.exec(header[1])?.[1] ?? seed);
    nodes = Number(/nodes=(\d+)/.exec(header[1])?.[1] ?? nodes);
    lines.shift();
  }
  const steps: TranscriptStep[] = [];
  let current: (TranscriptStep & { output: string[]; input: string[] }) | undefined;
  const finish = () => {
    if (!current) return;
    current.expected = current.output.length ? `${current.output.join("\n")}\n` : "";
    if (current.input.length) current.stdin = `${current.input.join("\n")}\n`;
    const { output: _o, input: _i, ...step } = current;
    steps.push(step);
  };
  for (const line of lines) {
    if (
      line.startsWith("$ kubectl ") ||
      line === "$ kubectl" ||
      line.startsWith("@ advance ") ||
      line.startsWith("@ follow ")
    ) {
      finish();
      const kind = line.startsWith("@ advance")
        ? "advance"
        : line.startsWith("@ follow")
          ? "follow"
          : "command";
      current = {
        kind,
        line: line.replace(/^\$ kubectl ?|^@ advance |^@ follow /, ""),
        expected: "",
        code: 0,
        output: [],
        input: [],
      };
    } else if (!current) {
      if (line.startsWith("#") || line === "") continue;
      throw new Error(`transcript: output before the first command: ${line}`);
    } else if (line.startsWith("< ") || line === "<") {
      current.input.push(line.slice(2));
    } else if (/^\[exit \d+\]$/.test(line)) {
      current.code = Number(line.slice(6, -1));
    } else if (line.startsWith("# ")) {
      // a comment for the reader
    } else {
      current.output.push(line);
    }
  }
  finish();
  return { seed, nodes, steps };
}

/** Replays a transcript; returns the actual text in transcript form, for comparison with the file. */
export function replayTranscript(text: string): { expected: string; actual: string; cluster: Cluster } {
  const { seed, nodes, steps } = parseTranscript(text);
  const cluster = createCluster({ seed, nodes });
  const expected: string[] = [];
  const actual: string[] = [];
  let stream: KubectlStream | undefined;
  for (const step of steps) {
    const head = step.kind === "command" ? `$ kubectl ${step.line}` : `@ ${step.kind} ${step.line}`;
    const exit = (code: number) => (code === 0 ? "" : `[exit ${code}]\n`);
    expected.push(`${head}\n${step.expected}${exit(step.code)}`);
    if (step.kind === "advance") {
      cluster.advance(Number(step.line));
      actual.push(`${head}\n`);
    } else if (step.kind === "follow") {
      if (!stream) throw new Error("transcript: @ follow after a command that does not keep running");
      const { stdout, stderr, code } = followStream(cluster, stream, Number(step.line));
      actual.push(`${head}\n${stdout}${stderr}${exit(code ?? 0)}`);
      stream = undefined;
    } else {
      stream?.stop();
      const result = cluster.kubectl(step.line, step.stdin);
      stream = result.stream;
      actual.push(`${head}\n${result.stdout}${result.stderr}${exit(result.code)}`);
    }
  }
  stream?.stop();
  return { expected: expected.join(""), actual: actual.join(""), cluster };
}
