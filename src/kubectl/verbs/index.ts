import type { Verb } from "../verb";
import { annotateVerb } from "./annotate";
import { apiResourcesVerb } from "./apiResources";
import { applyVerb } from "./apply";
import { attachVerb } from "./attach";
import { clusterInfoVerb } from "./clusterInfo";
import { createVerb } from "./create";
import { deleteVerb } from "./delete";
import { describeVerb } from "./describe";
import { diffVerb } from "./diff";
import { explainVerb } from "./explain";
import { getVerb } from "./get";
import { labelVerb } from "./label";
import { logsVerb } from "./logs";
import { cordonNodeVerb, uncordonNodeVerb } from "./nodeCordon";
import { drainVerb } from "./nodeDrain";
import { taintVerb } from "./nodeTaint";
import { patchVerb } from "./patch";
import { replaceVerb } from "./replace";
import { rolloutVerb } from "./rollout";
import { apiVersionsVerb } from "./apiVersions";
import { configVerb } from "./config";
import { eventsVerb } from "./events";
import { optionsVerb } from "./options";
import { runVerb } from "./runPod";
import { editVerb } from "./edit";
import { execVerb } from "./exec";
import { exposeVerb } from "./expose";
import { scaleVerb } from "./scale";
import { setVerb } from "./set";
import { versionVerb } from "./version";
import { waitVerb } from "./wait";

/** kubectl's verbs in its own help groups (only those kubeplay implements). */
export const VERB_GROUPS: { title: string; verbs: Verb[] }[] = [
  { title: "Basic Commands (Beginner)", verbs: [createVerb, exposeVerb, runVerb, setVerb] },
  { title: "Basic Commands (Intermediate)", verbs: [explainVerb, getVerb, editVerb, deleteVerb] },
  { title: "Deploy Commands", verbs: [rolloutVerb, scaleVerb] },
  {
    title: "Cluster Management Commands",
    verbs: [clusterInfoVerb, cordonNodeVerb, uncordonNodeVerb, drainVerb, taintVerb],
  },
  {
    title: "Troubleshooting and Debugging Commands",
    verbs: [describeVerb, logsVerb, attachVerb, execVerb, eventsVerb],
  },
  { title: "Advanced Commands", verbs: [diffVerb, applyVerb, patchVerb, replaceVerb, waitVerb] },
  { title: "Settings Commands", verbs: [labelVerb, annotateVerb] },
  { title: "Other Commands", verbs: [apiResourcesVerb, apiVersionsVerb, configVerb, versionVerb] },
];

/** Commands kubectl keeps out of its command list (`kubectl options`, named in every help page's footer). */
const HIDDEN_VERBS: Verb[] = [optionsVerb];

const ALL_VERBS = [...VERB_GROUPS.flatMap((g) => g.verbs), ...HIDDEN_VERBS];

/** The verb named by `word` (or one of its aliases). */
export function findVerb(word: string): Verb | undefined {
  return ALL_VERBS.find((v) => v.name === word || v.aliases?.includes(word));
}

/** Every verb name, for completion and "did you mean". */
export function verbNames(): string[] {
  return VERB_GROUPS.flatMap((g) => g.verbs.map((v) => v.name));
}
