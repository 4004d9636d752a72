import { RESOURCE_TYPES } from "../api/registry";
import { refOf } from "../api/types";
import { type Controller, enqueueSelf, splitKey } from "./controller";

/** While content remains, the controller looks again after this long. */
const RECHECK_MS = 1000;

/**
 * The namespace controller (pkg/controller/namespace): when a namespace is being deleted,
 * deletes everything it holds, and once it is empty removes the `kubernetes` finalizer so
 * the namespace itself goes.
 */
export function namespaceController(): Controller {
  return {
    name: "namespace-controller",
    watches: [enqueueSelf("Namespace")],
    reconcile(key, ctx) {
      const { name } = splitKey(key);
      const ns = ctx.api.store.get("Namespace", "", name);
      if (!ns?.metadata.deletionTimestamp) return undefined;
      const actions: string[] = [];
      let remaining = 0;
      for (const type of RESOURCE_TYPES) {
        if (!type.namespaced) continue;
        for (const obj of ctx.api.store.list(type.kind, name)) {
          remaining++;
          if (obj.metadata.deletionTimestamp) continue;
          ctx.api.delete(obj.kind, name, obj.metadata.name ?? "", { propagationPolicy: "Background" });
          actions.push(`deleted ${obj.kind} ${obj.metadata.name}`);
        }
      }
      const left = RESOURCE_TYPES.filter((t) => t.namespaced).reduce(
        (n, t) => n + ctx.api.store.list(t.kind, name).length,
        0,
      );
      if (left === 0) {
        ctx.api.finalizeNamespace(name);
        actions.push(`namespace empty: removed finalizer kubernetes`);
      }
      ctx.trace.record({
        component: "namespace-controller",
        object: refOf(ns),
        observed: `namespace ${name} is terminating; ${remaining} object(s) inside`,
        actions,
      });
      return left === 0 ? undefined : { requeueAfterMs: RECHECK_MS };
    },
  };
}
