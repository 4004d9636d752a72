import { KubectlError } from "./verb";
import { API_SERVER_URL } from "./verbs/clusterInfo";

/**
 * The console's kubeconfig: kubectl's client-side settings, which `kubectl config` reads and
 * changes. One cluster and one user (the playground has one cluster, reached without real
 * credentials); contexts as the learner makes them, each with its default namespace, which every
 * command without -n uses. It changes only through kubectl commands, so a replayed input log
 * rebuilds it exactly.
 */

export const KUBECONFIG_CLUSTER = "kubeplay";
export const KUBECONFIG_USER = "learner";

export interface KubeContext {
  cluster: string;
  user: string;
  namespace?: string;
}

/** Placeholder credentials (base64 of PEM armour only), shown by `config view --raw`: there is nothing to protect. */
const PLACEHOLDER_CERT = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==";
const PLACEHOLDER_KEY = "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo=";

export class KubeConfig {
  readonly contexts = new Map<string, KubeContext>([
    [KUBECONFIG_CLUSTER, { cluster: KUBECONFIG_CLUSTER, user: KUBECONFIG_USER }],
  ]);
  currentContext = KUBECONFIG_CLUSTER;

  /**
   * The namespace a command works in without -n: its context's (`--context` or the current one),
   * else "default". Throws kubectl's configuration error for a --context that does not exist.
   */
  namespaceFor(contextFlag: string): string {
    const name = contextFlag || this.currentContext;
    const context = this.contexts.get(name);
    if (!context) {
      // clientcmd's configuration error, which kubectl prints without its usual `error: `.
      if (contextFlag)
        throw new KubectlError(
          `Error in configuration: context was not found for specified context: ${name}`,
        );
      return "default";
    }
    return context.namespace || "default";
  }

  /**
   * The kubeconfig as `kubectl config view` shows it, in clientcmd's v1.Config field order
   * (JSON keeps it; YAML sorts the keys). `minify` keeps only what the current context uses;
   * `raw` shows the credentials instead of DATA+OMITTED.
   */
  view(options: { minify: boolean; raw: boolean }): Record<string, unknown> {
    const data = (value: string) => (options.raw ? value : "DATA+OMITTED");
    const current = this.contexts.get(this.currentContext);
    const contexts = [...this.contexts]
      .filter(([name]) => !options.minify || name === this.currentContext)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, context]) => ({
        name,
        context: {
          cluster: context.cluster,
          user: context.user,
          ...(context.namespace ? { namespace: context.namespace } : {}),
        },
      }));
    const usesCluster = !options.minify || current?.cluster === KUBECONFIG_CLUSTER;
    const usesUser = !options.minify || current?.user === KUBECONFIG_USER;
    return {
      kind: "Config",
      apiVersion: "v1",
      preferences: {},
      clusters: usesCluster
        ? [
            {
              name: KUBECONFIG_CLUSTER,
              cluster: { server: API_SERVER_URL, "certificate-authority-data": data(PLACEHOLDER_CERT) },
            },
          ]
        : [],
      users: usesUser
        ? [
            {
              name: KUBECONFIG_USER,
              user: {
                "client-certificate-data": data(PLACEHOLDER_CERT),
                "client-key-data": data(PLACEHOLDER_KEY),
              },
            },
          ]
        : [],
      contexts,
      "current-context": this.currentContext,
    };
  }
}
