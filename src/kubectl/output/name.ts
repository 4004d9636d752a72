// `kubectl ... -o name` (cli-runtime/pkg/printers/name.go): "kind.group/name", the kind
// lowercased and the group taken from the object's apiVersion ("deployment.apps/web",
// "pod/web-abc"). Mutating verbs print the same with their operation ("... created").

/** The parts of an object the name printer reads. */
export interface NamedObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string };
}

/** The API group of an apiVersion: "apps" for "apps/v1", "" for the core "v1". */
export function groupOfApiVersion(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}

/**
 * The "kind.group" prefix kubectl prints before the name: `deployment.apps`, `pod`.
 * Throws kubectl's error when the object has no kind.
 */
export function resourcePrefix(obj: NamedObject): string {
  const kind = obj.kind ?? "";
  if (kind === "")
    throw new Error(`missing kind for resource with name ${obj.metadata?.name || "<unknown>"}`);
  const group = groupOfApiVersion(obj.apiVersion ?? "");
  return group === "" ? kind.toLowerCase() : `${kind.toLowerCase()}.${group}`;
}

/**
 * The line `-o name` prints for one object, e.g. "deployment.apps/web\n". With an
 * operation (`created`, `deleted`, `labeled`...) it is appended as kubectl's mutating
 * verbs do ("deployment.apps/web created\n"), unless shortOutput is set (which is what
 * `-o name` itself asks for).
 */
export function printName(
  obj: NamedObject,
  options: { operation?: string; shortOutput?: boolean } = {},
): string {
  const name = obj.metadata?.name || "<unknown>";
  const operation = options.operation && !options.shortOutput ? ` ${options.operation}` : "";
  return `${resourcePrefix(obj)}/${name}${operation}\n`;
}

/** `-o name` for several objects (a List's items are printed one per line). */
export function printNames(
  objects: readonly NamedObject[],
  options: { operation?: string; shortOutput?: boolean } = {},
): string {
  return objects.map((obj) => printName(obj, options)).join("");
}
