import type { Controller } from "./controller";
import { endpointsController } from "./endpoints/endpointsController";
import { garbageCollector } from "./garbageCollector";
import { jobController } from "./job/jobController";
import { cronJobController } from "./cronjob/cronJobController";
import { ttlAfterFinishedController } from "./job/ttlAfterFinishedController";
import { namespaceController } from "./namespaceController";
import { kubelet } from "../kubelet/kubelet";
import { rootCaPublisher } from "./rootCaPublisher";
import { serviceAccountController } from "./serviceAccountController";
import { deploymentController } from "./deployment/deploymentController";
import { replicaSetController } from "./replicaset/replicaSetController";
import { nodeLifecycleController } from "./nodelifecycle/nodeLifecycle";
import { taintEvictionController } from "./nodelifecycle/taintEviction";
import { scheduler } from "./scheduler/scheduler";

/**
 * Every control loop the simulated control plane runs, in start order.
 * (kube-controller-manager's controller list, plus the scheduler and kubelets.)
 */
export function allControllers(): Controller[] {
  return [
    garbageCollector(),
    namespaceController(),
    endpointsController(),
    rootCaPublisher(),
    serviceAccountController(),
    replicaSetController(),
    deploymentController(),
    nodeLifecycleController(),
    taintEvictionController(),
    scheduler(),
    jobController(),
    ttlAfterFinishedController(),
    cronJobController(),
    kubelet(),
  ];
}
