/**
 * The node's image service and the kubelet's image manager (pkg/kubelet/images): a
 * per-node image cache, pulls serialized per node (serializeImagePulls, the default) and
 * the pull policy rules. It only plans: the caller waits for `doneAt` on the clock.
 */
import { resolveImage, type ResolvedImage } from "../images/catalog";
import { formatGoDuration } from "../kubectl/cli/goDuration";
import type { SeededRandom } from "../util/random";
import { LIFECYCLE, REASON } from "./lifecycle";

/** What EnsureImageExists decided. */
export type PullPlan =
  | { kind: "present"; image: ResolvedImage; message: string }
  | { kind: "pull"; image: ResolvedImage; doneAt: number; pulledMessage: string }
  | { kind: "pullFails"; doneAt: number; failedMessage: string; waitingMessage: string }
  | { kind: "error"; reason: string; eventReason: string; message: string };

/** The images one node holds and its single pull lane. */
export class NodeImages {
  /** Images present, by full reference, with the instant they became present. */
  private present = new Map<string, number>();
  private busyUntil = 0;

  /** Plans getting `ref` onto the node under `policy` at `now`. */
  ensure(ref: string, policy: string, now: number, random: SeededRandom): PullPlan {
    const resolved = resolveCached(ref);
    if (!resolved.ok && resolved.reason === "InvalidImageName") {
      return {
        kind: "error",
        reason: REASON.invalidImageName,
        eventReason: "InspectFailed",
        message: resolved.message,
      };
    }
    const presentAt = resolved.ok ? this.present.get(resolved.fullRef) : undefined;
    const isPresent = presentAt !== undefined && presentAt <= now;
    if (policy === "Never" || (policy === "IfNotPresent" && isPresent)) {
      if (isPresent && resolved.ok) {
        return {
          kind: "present",
          image: resolved,
          message: `Container image "${ref}" already present on machine`,
        };
      }
      const message = `Container image "${ref}" is not present with pull policy of Never`;
      return { kind: "error", reason: REASON.errImageNeverPull, eventReason: "ErrImageNeverPull", message };
    }
    const start = Math.max(now, this.busyUntil);
    if (!resolved.ok) {
      const doneAt = start + LIFECYCLE.failedPullMs + random.int(LIFECYCLE.pullJitterMs);
      this.busyUntil = doneAt;
      const detail = resolved.message.replace(/^Failed to pull image "[^"]*": /, "");
      return { kind: "pullFails", doneAt, failedMessage: resolved.message, waitingMessage: detail };
    }
    const contentBy = this.present.get(resolved.fullRef);
    const layersThere = contentBy !== undefined && contentBy <= start;
    const pullMs =
      (layersThere ? LIFECYCLE.cachedPullMs : resolved.image.pullSeconds * 1000) +
      random.int(LIFECYCLE.pullJitterMs);
    const doneAt = start + pullMs;
    this.busyUntil = doneAt;
    if (contentBy === undefined || contentBy > doneAt) this.present.set(resolved.fullRef, doneAt);
    const pulledMessage = `Successfully pulled image "${ref}" in ${goMs(pullMs)} (${goMs(doneAt - now)} including waiting). Image size: ${resolved.image.sizeBytes} bytes.`;
    return { kind: "pull", image: resolved, doneAt, pulledMessage };
  }
}

const RESOLVED = new Map<string, ReturnType<typeof resolveImage>>();

/** resolveImage is pure; a cluster of a thousand nginx pods resolves one reference. */
function resolveCached(ref: string): ReturnType<typeof resolveImage> {
  let r = RESOLVED.get(ref);
  if (!r) {
    r = resolveImage(ref);
    if (RESOLVED.size < 1000) RESOLVED.set(ref, r);
  }
  return r;
}

/** A millisecond count as Go prints a time.Duration truncated to milliseconds. */
export function goMs(ms: number): string {
  return formatGoDuration(BigInt(Math.round(ms)) * 1_000_000n);
}
