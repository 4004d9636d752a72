import { qualifiedPlural, type ResourceType } from "./registry";

/** The `reason` of a metav1.Status, as the API server returns it. */
export type StatusReason =
  | "NotFound"
  | "AlreadyExists"
  | "Conflict"
  | "Invalid"
  | "BadRequest"
  | "Forbidden"
  | "MethodNotAllowed"
  | "Gone"
  | "InternalError";

const CODES: Record<StatusReason, number> = {
  NotFound: 404,
  AlreadyExists: 409,
  Conflict: 409,
  Invalid: 422,
  BadRequest: 400,
  Forbidden: 403,
  MethodNotAllowed: 405,
  Gone: 410,
  InternalError: 500,
};

/**
 * An API error (k8s.io/apimachinery/pkg/api/errors.StatusError). kubectl prints it as
 * `Error from server (<reason>): <message>`, except Invalid, which it prints bare.
 */
export class StatusError extends Error {
  readonly code: number;
  constructor(
    readonly reason: StatusReason,
    message: string,
    /** What kubectl prints for this error when it is not wrapped (Invalid: `The Deployment "web" is invalid: …`). */
    readonly kubectlMessage?: string,
    /** The Status's details.causes as `field: message` (Invalid): what `kubectl edit` lists in its reopened file. */
    readonly causes: readonly string[] = [],
  ) {
    super(message);
    this.code = CODES[reason];
  }
}

/** `pods "x" not found` */
export function notFound(type: ResourceType, name: string): StatusError {
  return new StatusError("NotFound", `${qualifiedPlural(type)} "${name}" not found`);
}

/** `pods "x" already exists` */
export function alreadyExists(type: ResourceType, name: string): StatusError {
  return new StatusError("AlreadyExists", `${qualifiedPlural(type)} "${name}" already exists`);
}

/** The optimistic-concurrency failure of an update with a stale resourceVersion. */
export function conflict(type: ResourceType, name: string): StatusError {
  return new StatusError(
    "Conflict",
    `Operation cannot be fulfilled on ${qualifiedPlural(type)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
  );
}

/** Refused because the namespace is being deleted. */
export function namespaceTerminating(type: ResourceType, name: string, namespace: string): StatusError {
  return new StatusError(
    "Forbidden",
    `${qualifiedPlural(type)} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
  );
}

/** Refused because the namespace does not exist. */
export function namespaceNotFound(namespace: string): StatusError {
  return new StatusError("NotFound", `namespaces "${namespace}" not found`);
}
