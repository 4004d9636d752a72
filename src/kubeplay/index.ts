/** The simulator's own console commands (`kubeplay …`): time, node faults, simulated traffic. */
export { KUBEPLAY_COMMANDS, helpText, MAX_ADVANCE_MS } from "./commands";
export { formatDuration, parseDuration } from "./duration";
export { type KubeplayResult, runKubeplay } from "./run";
