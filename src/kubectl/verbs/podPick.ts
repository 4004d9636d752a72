/**
 * Which pod a command about one pod acts on (`logs`, `exec`): a pod by name, or a workload's
 * first pod in kubectl's GetFirstPod order: assigned before unassigned, Running before Unknown
 * before Pending, ready before not ready, ready longer first, then for logs (podutils
 * ByLogging) more restarts first, for exec (the reverse of ActivePods) fewer; older first.
 */
import type { Container, Pod } from "kubernetes-types/core/v1";
import { labelSelectorAsSelector } from "../../apimachinery/labels";
import { resolveResourceArgs } from "../resources";
import { KubectlError, type VerbContext } from "../verb";

const PHASE_RANK: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };

/** What the pod is picked for: logs says how many it chose from; exec says nothing. */
export type PodPurpose = "logs" | "exec";

/** The pod `kubectl logs|exec TYPE/NAME` picks, or undefined when there are none. */
function firstPod(pods: Pod[], purpose: PodPurpose): Pod | undefined {
  return [...pods].sort((a, b) => byFirstPod(a, b, purpose))[0];
}

function byFirstPod(a: Pod, b: Pod, purpose: PodPurpose): number {
  const assigned = Number(!a.spec?.nodeName) - Number(!b.spec?.nodeName);
  if (assigned !== 0) return assigned;
  const phase = rank(a) - rank(b);
  if (phase !== 0) return phase;
  const ready = Number(!isReady(a)) - Number(!isReady(b));
  if (ready !== 0) return ready;
  const since = readySince(a) - readySince(b);
  if (isReady(a) && isReady(b) && since !== 0) return since;
  const restarts = purpose === "logs" ? restartsOf(b) - restartsOf(a) : restartsOf(a) - restartsOf(b);
  if (restarts !== 0) return restarts;
  return created(a) - created(b);
}

function rank(p: Pod): number {
  return PHASE_RANK[p.status?.phase ?? ""] ?? 3;
}

function isReady(p: Pod): boolean {
  return (p.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
}

function readySince(p: Pod): number {
  const c = (p.status?.conditions ?? []).find((x) => x.type === "Ready");
  return c?.lastTransitionTime ? Date.parse(c.lastTransitionTime) : Number.MAX_SAFE_INTEGER;
}

function restartsOf(p: Pod): number {
  return Math.max(0, ...(p.status?.containerStatuses ?? []).map((s) => s.restartCount ?? 0));
}

function created(p: Pod): number {
  return p.metadata?.creationTimestamp ? Date.parse(p.metadata.creationTimestamp) : Number.MAX_SAFE_INTEGER;
}

/** The pod named by `arg` (a pod name, pod/NAME, or a workload whose first pod is used). */
export function targetPod(ctx: VerbContext, arg: string, purpose: PodPurpose): Pod {
  if (!arg.includes("/")) return ctx.cluster.api.get("Pod", ctx.namespace, arg) as Pod;
  const [request] = resolveResourceArgs([arg]);
  const name = request.names?.[0] ?? "";
  const obj = ctx.cluster.api.get(request.type.kind, ctx.namespace, name);
  if (obj.kind === "Pod") return obj as Pod;
  const selector = labelSelectorAsSelector(obj.spec?.selector);
  const pods = ctx.cluster.store
    .list("Pod", ctx.namespace)
    .filter((p) => selector.matches(p.metadata.labels ?? {}));
  const picked = firstPod(pods as Pod[], purpose);
  if (!picked) throw new KubectlError("error: timed out waiting for the condition");
  if (purpose === "logs" && pods.length > 1)
    ctx.err(`Found ${pods.length} pods, using pod/${picked.metadata?.name}\n`);
  return picked;
}

/** podcmd.AllContainerNames: "a, b, init (init), debug (ephem)". */
export function allContainerNames(pod: Pod): string {
  return [
    ...(pod.spec?.containers ?? []).map((c) => c.name),
    ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`),
    ...(pod.spec?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
  ].join(", ");
}

/** Every container of the pod: regular, init, ephemeral. */
export function allContainers(
  pod: Pod,
): Pick<Container, "name" | "image" | "workingDir" | "command" | "args" | "stdin" | "tty">[] {
  return [
    ...(pod.spec?.containers ?? []),
    ...(pod.spec?.initContainers ?? []),
    ...(pod.spec?.ephemeralContainers ?? []),
  ];
}

/**
 * FindOrDefaultContainerByName's fallback: the first container, and the notice kubectl prints
 * when the pod has others to choose from.
 */
export function firstContainer(pod: Pod): { name: string; notice?: string } {
  const name = pod.spec?.containers?.[0]?.name ?? "";
  if (allContainers(pod).length <= 1) return { name };
  return { name, notice: `Defaulted container "${name}" out of: ${allContainerNames(pod)}\n` };
}
