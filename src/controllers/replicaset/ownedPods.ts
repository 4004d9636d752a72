import type { KubeObject, WatchEvent } from "../../api/types";
import type { Selector } from "../../apimachinery/labels";
import { controllerOf, isPodActive, isPodReady } from "./podUtil";

/** What a ReplicaSet's status counts over the active pods it controls, for one selector and template. */
export interface PodCounts {
  /** Active controlled pods the selector matches (what the claim keeps). */
  matching: number;
  /** Active controlled pods the selector no longer matches (the claim would release them). */
  stray: number;
  fullyLabeled: number;
  ready: number;
}

/** An indexed pod: its controller (key and uid), its latest version and its owner's pod map. */
interface OwnedPod {
  owner: string;
  ownerUid: string;
  pod: KubeObject;
  siblings: Map<string, KubeObject>;
}

interface Tally extends PodCounts {
  signature: string;
  selector: Selector;
  template: Selector;
  /** Whether a labels object matches the selector and the template, by identity. */
  matched: WeakMap<object, { selected: boolean; fullyLabeled: boolean }>;
}

/**
 * The informer-side index the ReplicaSet controller keeps (as the real one keeps its pod
 * lister indexed by controller): for each controller uid, its active pods, and running
 * counts of them per selector and template, maintained from pod watch events. A sync of a
 * ReplicaSet with nothing to claim, release or delete then costs O(1) instead of a scan of
 * its pods, which keeps a rollout of N pods linear in N. The counts always equal a scan of
 * the pods the store holds, because watch events are delivered synchronously.
 */
export class OwnedPodIndex {
  private podOwner = new Map<string, OwnedPod>();
  private byOwner = new Map<string, Map<string, KubeObject>>();
  private tallies = new Map<string, Tally>();

  /** Accounts for one pod watch event. */
  observe(event: WatchEvent): void {
    const pod = event.object;
    const uid = pod.metadata.uid ?? "";
    const old = this.podOwner.get(uid);
    const ownerUid = event.type === "DELETED" || !isPodActive(pod) ? undefined : controllerOf(pod)?.uid;
    // Most events are a new version of a pod with the same owner (status writes): swap it in place.
    if (old && ownerUid === old.ownerUid && pod.metadata.namespace === old.pod.metadata.namespace) {
      this.count(old.owner, old.pod, -1);
      old.pod = pod;
      old.siblings.set(uid, pod);
      this.count(old.owner, pod, 1);
      return;
    }
    if (old) {
      this.podOwner.delete(uid);
      old.siblings.delete(uid);
      this.count(old.owner, old.pod, -1);
    }
    if (!ownerUid) return;
    // A controller owns only pods of its own namespace (the claim lists that namespace).
    const owner = ownerKey(pod.metadata.namespace ?? "", ownerUid);
    let siblings = this.byOwner.get(owner);
    if (!siblings) {
      siblings = new Map();
      this.byOwner.set(owner, siblings);
    }
    siblings.set(uid, pod);
    this.podOwner.set(uid, { owner, ownerUid, pod, siblings });
    this.count(owner, pod, 1);
  }

  /** Forgets the counts of a ReplicaSet that is gone (its pods stay indexed until they go). */
  forget(owner: KubeObject): void {
    this.tallies.delete(ownerKey(owner.metadata.namespace ?? "", owner.metadata.uid ?? ""));
  }

  /**
   * The counts for a controller's active pods under `selector` and `template` (the template
   * labels' selector); `signature` identifies both, and a new one recounts from scratch.
   */
  counts(owner: KubeObject, signature: string, selector: Selector, template: Selector): PodCounts {
    const ownerUid = ownerKey(owner.metadata.namespace ?? "", owner.metadata.uid ?? "");
    const existing = this.tallies.get(ownerUid);
    if (existing?.signature === signature) return countsOf(existing);
    const tally: Tally = {
      signature,
      selector,
      template,
      matched: new WeakMap(),
      matching: 0,
      stray: 0,
      fullyLabeled: 0,
      ready: 0,
    };
    for (const pod of this.byOwner.get(ownerUid)?.values() ?? []) addTo(tally, pod, 1);
    this.tallies.set(ownerUid, tally);
    return countsOf(tally);
  }

  private count(owner: string, pod: KubeObject, sign: 1 | -1): void {
    const tally = this.tallies.get(owner);
    if (tally) addTo(tally, pod, sign);
  }
}

function ownerKey(namespace: string, uid: string): string {
  return `${namespace}/${uid}`;
}

function countsOf({ matching, stray, fullyLabeled, ready }: Tally): PodCounts {
  return { matching, stray, fullyLabeled, ready };
}

function addTo(tally: Tally, pod: KubeObject, sign: 1 | -1): void {
  const labels = pod.metadata.labels ?? NO_LABELS;
  // Status writes keep the labels object: match each labels object once per tally.
  let match = tally.matched.get(labels);
  if (!match) {
    const selected = tally.selector.matches(labels);
    match = { selected, fullyLabeled: selected && tally.template.matches(labels) };
    tally.matched.set(labels, match);
  }
  if (!match.selected) {
    tally.stray += sign;
    return;
  }
  tally.matching += sign;
  if (match.fullyLabeled) tally.fullyLabeled += sign;
  if (isPodReady(pod)) tally.ready += sign;
}

const NO_LABELS: Record<string, string> = {};
