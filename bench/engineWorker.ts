import { runTenThousand, runThousand } from "./scaleScenarios";

/**
 * The scale scenarios in a module Web Worker, as kubeplay's engine runs in the app. The page
 * names the scenario in the worker's URL (`?scenario=thousand&runs=5` or `?scenario=large&runs=3`)
 * and gets the wall times back as the worker's one message.
 */
const params = new URL(self.location.href).searchParams;
const runs = Number(params.get("runs") ?? 3);
if (params.get("scenario") === "large") postMessage(runTenThousand(runs));
else postMessage(runThousand(runs));
