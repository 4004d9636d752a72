/**
 * ControllerRefManager.Claim (pkg/controller/controller_ref_manager.go): a controller adopts
 * orphans its selector matches and releases what it owns but no longer matches.
 */
import type { KubeObject } from "../../api/types";
import type { Selector } from "../../apimachinery/labels";
import type { ControllerContext } from "../controller";
import { controllerOf, newControllerRef } from "./podUtil";

/** What a claim did, for the trace. */
export interface ClaimResult {
  claimed: KubeObject[];
  adopted: string[];
  released: string[];
}

/**
 * Claims `candidates` for `owner`: keeps those it controls and still selects, adopts matching
 * orphans (adding a controller reference), and releases controlled ones whose labels no longer
 * match (removing the reference). A deleting owner adopts and releases nothing.
 */
export function claimObjects(
  owner: KubeObject,
  selector: Selector,
  candidates: KubeObject[],
  ctx: ControllerContext,
): ClaimResult {
  const result: ClaimResult = { claimed: [], adopted: [], released: [] };
  const uid = owner.metadata.uid;
  const deleting = Boolean(owner.metadata.deletionTimestamp);
  for (const obj of candidates) {
    const ref = controllerOf(obj);
    const matches = selector.matches(obj.metadata.labels ?? {});
    if (ref) {
      if (ref.uid !== uid) continue;
      if (matches) result.claimed.push(obj);
      else if (!deleting) {
        release(owner, obj, ctx);
        result.released.push(obj.metadata.name ?? "");
      }
      continue;
    }
    if (deleting || !matches || obj.metadata.deletionTimestamp) continue;
    result.claimed.push(adopt(owner, obj, ctx));
    result.adopted.push(obj.metadata.name ?? "");
  }
  return result;
}

function adopt(owner: KubeObject, obj: KubeObject, ctx: ControllerContext): KubeObject {
  const ownerReferences = [...(obj.metadata.ownerReferences ?? []), newControllerRef(owner)];
  return ctx.api.updateMetadata({ ...obj, metadata: { ...obj.metadata, ownerReferences } }) ?? obj;
}

function release(owner: KubeObject, obj: KubeObject, ctx: ControllerContext): void {
  const ownerReferences = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
  const metadata = {
    ...obj.metadata,
    ownerReferences: ownerReferences.length > 0 ? ownerReferences : undefined,
  };
  if (!metadata.ownerReferences) delete metadata.ownerReferences;
  ctx.api.updateMetadata({ ...obj, metadata });
}
