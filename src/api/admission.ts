import { applyDefaults, jobGeneratedLabels } from "./defaults";
import { StatusError } from "./errors";
import type { ResourceType } from "./registry";
import { cannotBeHandledMessage } from "./schema/decode";
import { dropUnknownFields, strictDecodeErrors, strictDecodingMessage } from "./schema/strictDecode";
import { typeErrors } from "./schema/typeErrors";
import { defaultTolerations } from "../nodes/taints";
import { admitPriority, admitServiceAccount, type ServiceAccountLookup } from "./podAdmission";
import type { KubeObject } from "./types";
import { invalidCauses, invalidError, kubectlInvalidMessage } from "./validation/fieldErrors";
import { validateObject } from "./validation";

/** How unknown fields are treated (the fieldValidation request parameter). */
export type FieldValidation = "Strict" | "Warn" | "Ignore";

/** How a write's body is decoded: its fieldValidation, and where the server's warnings go. */
export interface Decoding {
  /**
   * kubectl sends Strict by default; controllers send well-formed objects and leave it unset,
   * which skips the decoding checks (type errors, unknown fields).
   */
  fieldValidation?: FieldValidation;
  /**
   * Receives each warning the API server returns with the response (its Warning headers, which
   * kubectl prints as `Warning: …`): under Warn, each unknown field (`unknown field "spec.replica"`).
   */
  warn?: (warning: string) => void;
}

/**
 * Admits a new object as the API server's create handler does: decode (type errors, and
 * unknown fields when Strict), default, then validate. Throws StatusError; the object is
 * defaulted in place. Job labels need the uid, so the caller passes it; pods' ServiceAccount
 * admission reads the ServiceAccount through `lookup` (none: as if it had no settings).
 */
export function admitCreate(
  obj: KubeObject,
  type: ResourceType,
  decoding: Decoding,
  uid: string,
  lookup: ServiceAccountLookup = () => undefined,
): void {
  decode(obj, type, decoding);
  applyDefaults(obj);
  if (obj.kind === "Job") {
    // The Job strategy's PrepareForCreate runs after the uid is assigned: the generated selector names it.
    obj.metadata.uid = uid;
    jobGeneratedLabels(obj as never, uid);
  }
  // The DefaultTolerationSeconds admission plugin: tolerate not-ready/unreachable nodes for 300 s.
  if (obj.kind === "Pod") {
    admitServiceAccount(obj as never, uid, lookup);
    const tolerations = defaultTolerations(obj.spec?.tolerations);
    if (obj.spec && tolerations !== obj.spec.tolerations) obj.spec.tolerations = tolerations;
    admitPriority(obj as never);
  }
  validate(obj, undefined, type);
}

/** Admits an update: decode, default, validate against the stored object (immutable fields). */
export function admitUpdate(obj: KubeObject, old: KubeObject, type: ResourceType, decoding: Decoding): void {
  decode(obj, type, decoding);
  applyDefaults(obj);
  if (obj.kind === "Service" && obj.spec?.clusterIP !== old.spec?.clusterIP && obj.spec?.clusterIP) {
    obj.spec.clusterIPs = [obj.spec.clusterIP];
  }
  validate(obj, old, type);
}

/** Kinds whose validation reads status fields (a Node's capacity and allocatable quantities). */
const STATUS_VALIDATED = new Set(["Node"]);

/**
 * Admits a status write. As the registries' status strategies do, only what a status write can
 * change is validated: spec and metadata are the stored object's, which was validated when it
 * was written, so of the in-scope kinds only a Node (whose status holds quantities) is checked.
 */
export function admitStatusUpdate(obj: KubeObject, old: KubeObject, type: ResourceType): void {
  if (STATUS_VALIDATED.has(type.kind)) validate(obj, old, type);
}

/**
 * Decoding catches JSON of the wrong type and unknown fields: an error when Strict, a warning
 * each when Warn. Requests without a fieldValidation come from the control plane's own clients,
 * which send typed objects built from already-decoded ones, so they skip it, as a typed Go client
 * never produces such JSON.
 */
function decode(obj: KubeObject, type: ResourceType, { fieldValidation, warn }: Decoding): void {
  if (fieldValidation === undefined) return;
  const [typeError] = typeErrors(obj, obj.apiVersion, obj.kind);
  const unknown =
    fieldValidation === "Ignore" || typeError ? [] : strictDecodeErrors(obj, obj.apiVersion, obj.kind);
  const strictMessage = fieldValidation === "Strict" ? strictDecodingMessage(unknown) : undefined;
  const message = typeError ?? strictMessage;
  if (message) throw new StatusError("BadRequest", cannotBeHandledMessage(type.kind, type.version, message));
  if (fieldValidation === "Strict") return;
  for (const field of unknown) warn?.(field);
  dropUnknownFields(obj, obj.apiVersion, obj.kind);
}

function validate(obj: KubeObject, old: KubeObject | undefined, type: ResourceType): void {
  const errors = validateObject(obj, old);
  if (errors.length === 0) return;
  const status = invalidError(type.kind, obj.metadata.name ?? "", errors, type.group);
  throw new StatusError(
    "Invalid",
    status.message ?? "",
    kubectlInvalidMessage(status),
    invalidCauses(status),
  );
}
