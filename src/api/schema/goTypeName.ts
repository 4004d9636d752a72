/** Go type names as the API server's JSON decoder prints them in type errors. */

/**
 * The Go type the decoder would name for a field of this schema type, when no table entry
 * says otherwise; keeps `go` out of the JSON for the common cases.
 */
export function defaultGoType(type: string): string {
  if (type.startsWith("[]")) return `[]${defaultGoType(type.slice(2))}`;
  if (type.startsWith("map[string]")) return `map[string]${defaultGoType(type.slice(11))}`;
  const scalars: Record<string, string> = {
    string: "string",
    integer: "int32",
    number: "float64",
    boolean: "bool",
    "int-or-string": "intstr.IntOrString",
    quantity: "resource.Quantity",
    time: "v1.Time",
    microtime: "v1.MicroTime",
  };
  return scalars[type] ?? `${type.split(".").at(-2)}.${type.split(".").at(-1)}`;
}

/** The Go type of a list's items or a map's values, given the container's Go type. */
export function elementGoType(containerGo: string, elementType: string): string {
  if (containerGo.startsWith("[]")) return containerGo.slice(2);
  if (containerGo.startsWith("map[")) return containerGo.slice(containerGo.indexOf("]") + 1);
  // A named container such as v1.ResourceList: its element has the default name.
  return defaultGoType(elementType);
}
