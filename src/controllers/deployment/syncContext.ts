import type { KubeObject } from "../../api/types";
import { clone } from "../../api/types";
import type { ControllerContext } from "../controller";

/** The controller's name as its events and traces carry it. */
export const DEPLOYMENT_CONTROLLER = "deployment-controller";

/**
 * One sync of one Deployment: the working copy `d` (as the Go code mutates its deep copy),
 * the API through which every change goes, and the actions the trace will list.
 */
export class DeploymentSync {
  /** The working copy; status and revision annotation are edited here, then written. */
  d: KubeObject;
  readonly actions: string[] = [];
  /** When the Deployment must be looked at again with no event (progress deadline checks). */
  requeueAfterMs?: number;

  constructor(
    readonly ctx: ControllerContext,
    stored: KubeObject,
  ) {
    this.d = clone(stored);
  }

  /** Simulated now, epoch ms. */
  now(): number {
    return this.ctx.clock.now();
  }

  /** Records a Normal event on the Deployment. */
  event(reason: string, message: string): void {
    this.ctx.events.normal({ component: DEPLOYMENT_CONTROLLER }, this.d, reason, message);
  }

  /** Records a Warning event on the Deployment. */
  warning(reason: string, message: string): void {
    this.ctx.events.warning({ component: DEPLOYMENT_CONTROLLER }, this.d, reason, message);
  }

  /**
   * Writes the working copy's status, and first its annotations when they changed (a real
   * Deployment status update carries annotations; this API server's status writes keep metadata).
   */
  writeStatus(): void {
    const stored = this.ctx.api.get(
      "Deployment",
      this.d.metadata.namespace ?? "",
      this.d.metadata.name ?? "",
    );
    const annotations = this.d.metadata.annotations;
    let base = stored;
    if (JSON.stringify(stored.metadata.annotations ?? {}) !== JSON.stringify(annotations ?? {})) {
      base = this.ctx.api.update({ ...stored, metadata: { ...stored.metadata, annotations } });
    }
    if (JSON.stringify(base.status ?? {}) !== JSON.stringify(this.d.status ?? {})) {
      base = this.ctx.api.updateStatus({ ...base, status: this.d.status });
    }
    this.d.metadata.resourceVersion = base.metadata.resourceVersion;
  }

  /** Updates a ReplicaSet (spec or metadata) and returns it as stored. */
  updateReplicaSet(rs: KubeObject): KubeObject {
    return this.ctx.api.update(rs);
  }
}
