// The List that kubectl get wraps objects in for -o json/yaml/jsonpath/custom-columns
// whenever the request could name several objects (kubectl/pkg/cmd/get/get.go printGeneric).

/** The `kind: List` object kubectl builds around the objects it fetched. */
export interface KubectlList<T = unknown> {
  apiVersion: "v1";
  items: T[];
  kind: "List";
  metadata: { resourceVersion: string };
}

/**
 * Wraps objects as `kubectl get` does when it prints more than a single named object:
 * `kubectl get pods -o yaml` prints `apiVersion: v1, items: [...], kind: List,
 * metadata: {resourceVersion: ""}`, even for zero or one item. A single named object
 * (`kubectl get pod web -o yaml`) is printed bare instead. The resource version is that
 * of the server's list when a single list was fetched, which kubectl 1.32 leaves empty for
 * lists it had to combine from several requests.
 */
export function toKubectlList<T>(items: readonly T[], resourceVersion = ""): KubectlList<T> {
  return { apiVersion: "v1", items: [...items], kind: "List", metadata: { resourceVersion } };
}
