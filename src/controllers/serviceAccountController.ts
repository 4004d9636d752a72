import { DEFAULT_SERVICE_ACCOUNT } from "../api/podAdmission";
import { refOf } from "../api/types";
import { type Controller, enqueueSelf, splitKey } from "./controller";

/**
 * kube-controller-manager's serviceaccount controller: keeps a `default` ServiceAccount in
 * every active namespace, recreating it if deleted. (Since 1.24 it holds no token Secret.)
 */
export function serviceAccountController(): Controller {
  return {
    name: "serviceaccount-controller",
    watches: [
      enqueueSelf("Namespace"),
      {
        kind: "ServiceAccount",
        keys: (event) =>
          event.type === "DELETED" && event.object.metadata.name === DEFAULT_SERVICE_ACCOUNT
            ? [`/${event.object.metadata.namespace}`]
            : [],
      },
    ],
    reconcile(key, ctx) {
      const { name } = splitKey(key);
      const ns = ctx.api.store.get("Namespace", "", name);
      if (!ns || ns.metadata.deletionTimestamp) return undefined;
      if (ctx.api.store.get("ServiceAccount", name, DEFAULT_SERVICE_ACCOUNT)) return undefined;
      ctx.api.create({
        apiVersion: "v1",
        kind: "ServiceAccount",
        metadata: { name: DEFAULT_SERVICE_ACCOUNT, namespace: name },
      });
      ctx.trace.record({
        component: "serviceaccount-controller",
        object: refOf(ns),
        observed: `namespace ${name} has no ${DEFAULT_SERVICE_ACCOUNT} ServiceAccount`,
        actions: [`created ServiceAccount ${DEFAULT_SERVICE_ACCOUNT}`],
      });
      return undefined;
    },
  };
}
