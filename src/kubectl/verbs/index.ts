import type { Verb } from "../verb";
import { applyVerb } from "./apply";
import { deleteVerb } from "./delete";
import { getVerb } from "./get";

/** kubectl's verbs in its own help groups (only those kubeplay implements). */
export const VERB_GROUPS: { title: string; verbs: Verb[] }[] = [
  { title: "Basic Commands (Beginner)", verbs: [] },
  { title: "Basic Commands (Intermediate)", verbs: [getVerb, deleteVerb] },
  { title: "Advanced Commands", verbs: [applyVerb] },
];

const ALL_VERBS = VERB_GROUPS.flatMap((g) => g.verbs);

/** The verb named by `word` (or one of its aliases). */
export function findVerb(word: string): Verb | undefined {
  return ALL_VERBS.find((v) => v.name === word || v.aliases?.includes(word));
}

/** Every verb name, for completion and "did you mean". */
export function verbNames(): string[] {
  return ALL_VERBS.map((v) => v.name);
}
