import type { InputEntry, InputLog } from "../sim/protocol";

/**
 * A learner's work as a permalink or an export file carries it: inputs, not state. Replaying
 * `log` on a cluster made from seed/nodes/start, up to `end`, rebuilds the cluster exactly.
 */
export interface Work {
  seed: number;
  nodes: number;
  start: string;
  lesson?: { id: string; step: number };
  files: Record<string, string>;
  log: InputEntry[];
  end?: number;
}

/** Size caps a link or file must respect, so a crafted one cannot exhaust memory or time. */
export const LIMITS = {
  entries: 2000,
  lineChars: 10_000,
  stdinChars: 200_000,
  files: 20,
  fileChars: 200_000,
  fileName: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
  lessonId: /^[a-z0-9][a-z0-9-]{0,63}$/,
  nodes: 20,
  /** Four weeks: a replay never has to simulate more than this beyond the start. */
  spanMs: 7 * 24 * 3_600_000 * 4,
} as const;

/** Why a work record was refused; the UI shows a translated message per reason. */
export type WorkErrorReason = "corrupt" | "newer" | "invalid" | "tooLarge";

/** A link or file that could not be read. `detail` is for developers (console), not learners. */
export class WorkError extends Error {
  constructor(
    readonly reason: WorkErrorReason,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

/** The input log a Work replays. */
export function workLog(work: Work): InputLog {
  const log: InputLog = {
    version: 1,
    seed: work.seed,
    nodes: work.nodes,
    start: work.start,
    entries: work.log,
  };
  if (work.end !== undefined) log.end = work.end;
  return log;
}
