import type { Controller } from "./controller";
import { garbageCollector } from "./garbageCollector";
import { namespaceController } from "./namespaceController";

/**
 * Every control loop the simulated control plane runs, in start order.
 * (kube-controller-manager's controller list, plus the scheduler and kubelets.)
 */
export function allControllers(): Controller[] {
  return [garbageCollector(), namespaceController()];
}
