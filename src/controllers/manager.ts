import { StatusError } from "../api/errors";
import type { WatchEvent } from "../api/types";
import type { Controller, ControllerContext, WatchSpec } from "./controller";
import { WorkQueue } from "./workqueue";

/** How long a reconcile that failed with an API error waits before it is retried. */
const RETRY_DELAY_MS = 1000;

/** One controller's watch of one kind: its keys function and the queue the keys go to. */
interface Watcher {
  queue: WorkQueue;
  keys: WatchSpec["keys"];
}

/**
 * Runs controllers: routes each watch event to the controllers that watch its kind,
 * through one work queue per controller, and requeues as reconciles ask.
 */
export class ControllerManager {
  private queues = new Map<Controller, WorkQueue>();
  private byKind = new Map<string, Watcher[]>();

  constructor(private readonly ctx: ControllerContext) {
    ctx.api.store.subscribe((event) => this.dispatch(event));
  }

  /** Starts a controller; it sees every later event and can be woken by key. */
  register(controller: Controller): void {
    const queue = new WorkQueue(this.ctx.clock, controller.name, (key) => this.run(controller, queue, key));
    this.queues.set(controller, queue);
    for (const watch of controller.watches) {
      const list = this.byKind.get(watch.kind) ?? [];
      list.push({ queue, keys: watch.keys });
      this.byKind.set(watch.kind, list);
    }
  }

  /** Queues a key on a controller by name (used by commands such as `rollout restart`). */
  enqueue(controllerName: string, key: string): void {
    for (const [controller, queue] of this.queues) if (controller.name === controllerName) queue.add(key);
  }

  private dispatch(event: WatchEvent): void {
    this.route(event, this.byKind.get(event.object.kind));
    this.route(event, this.byKind.get("*"));
  }

  private route(event: WatchEvent, watchers: Watcher[] | undefined): void {
    if (!watchers) return;
    for (const { queue, keys } of watchers) for (const key of keys(event, this.ctx)) queue.add(key);
  }

  private run(controller: Controller, queue: WorkQueue, key: string): void {
    try {
      const result = controller.reconcile(key, this.ctx);
      if (result?.requeueAfterMs !== undefined) queue.addAfter(key, result.requeueAfterMs);
    } catch (error) {
      if (!(error instanceof StatusError)) throw error;
      // Conflicts and races resolve on a later pass, as with a real controller's rate-limited requeue.
      queue.addAfter(key, RETRY_DELAY_MS);
    }
  }
}
