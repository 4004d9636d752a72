import type { Verb } from "../verb";
import { editVerb, runEdit } from "./edit";
import { DIRECTORY_FLAGS, fieldManagerFlag } from "./commonFlags";

/** The flags edit-last-applied shares with edit (its field manager is client-side apply's). */
const SHARED = ["filename", "output", "validate", "windows-line-endings"];

/**
 * `kubectl apply edit-last-applied`: kubectl edit on the objects' last-applied-configuration
 * annotations (ApplyEditMode): what is saved becomes the annotation the next apply merges against.
 */
export const applyEditLastAppliedVerb: Verb = {
  name: "edit-last-applied",
  short: "Edit latest last-applied-configuration annotations of a resource/object",
  usage: "kubectl apply edit-last-applied (RESOURCE/NAME | -f FILENAME) [options]",
  flags: [
    ...DIRECTORY_FLAGS,
    fieldManagerFlag("kubectl-client-side-apply"),
    ...editVerb.flags.filter((f) => SHARED.includes(f.name)),
  ],
  run: (ctx) => runEdit(ctx, "last-applied"),
};
