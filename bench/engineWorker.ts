import { runScale } from "./scaleScenarios";

/**
 * The scale scenarios in a module Web Worker, as kubeplay's engine runs in the app. The page
 * gives the runs in the worker's URL (`?runs=5&large=3`) and gets the wall times back as the
 * worker's one message.
 */
const params = new URL(self.location.href).searchParams;
postMessage(runScale(Number(params.get("runs") ?? 5), Number(params.get("large") ?? 3)));
