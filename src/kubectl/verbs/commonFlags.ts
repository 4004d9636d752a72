import type { FlagSpec } from "../cli/flags";

/** -o/--output, as the get-like printers accept it. */
export const OUTPUT_FLAG: FlagSpec = {
  name: "output",
  shorthand: "o",
  type: "string",
  usage:
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].",
};

/** -o/--output of a verb that writes objects and prints them (create, apply, scale, set …). */
export const WRITE_OUTPUT_FLAG: FlagSpec = {
  ...OUTPUT_FLAG,
  usage:
    "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).",
};

/** --template: the template of -o go-template (or jsonpath), given apart. */
export const TEMPLATE_FLAG: FlagSpec = {
  name: "template",
  type: "string",
  usage:
    "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].",
};

/** The template flags kubectl's print flags add beside -o: --template and how missing keys are taken. */
export const TEMPLATE_FLAGS: FlagSpec[] = [
  TEMPLATE_FLAG,
  {
    name: "allow-missing-template-keys",
    type: "bool",
    default: true,
    usage:
      "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.",
  },
  {
    // kubeplay keeps no managedFields, so there are none to keep or strip.
    name: "show-managed-fields",
    type: "bool",
    usage: "If true, keep the managedFields when printing objects in JSON or YAML format.",
  },
];

/** A writing verb's print flags: -o and the template flags. */
export const PRINT_FLAGS: FlagSpec[] = [WRITE_OUTPUT_FLAG, ...TEMPLATE_FLAGS];

export const SELECTOR_FLAG: FlagSpec = {
  name: "selector",
  shorthand: "l",
  type: "string",
  usage:
    "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
};

export const FIELD_SELECTOR_FLAG: FlagSpec = {
  name: "field-selector",
  type: "string",
  usage:
    "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
};

export const ALL_NAMESPACES_FLAG: FlagSpec = {
  name: "all-namespaces",
  shorthand: "A",
  type: "bool",
  usage:
    "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.",
};

export const FILENAME_FLAG: FlagSpec = {
  name: "filename",
  shorthand: "f",
  type: "stringSlice",
  usage: "Filename, directory, or URL to files identifying the resource.",
};

/**
 * -R beside -f. kubeplay's files are editor tabs, never directories, so there is nothing to
 * recurse into: accepted as kubectl accepts it, with no effect.
 */
export const RECURSIVE_FLAG: FlagSpec = {
  name: "recursive",
  shorthand: "R",
  type: "bool",
  usage:
    "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.",
};

/** -k beside -f: kustomize is not simulated, and run.ts says so (after kubectl's own checks). */
export const KUSTOMIZE_FLAG: FlagSpec = {
  name: "kustomize",
  shorthand: "k",
  type: "string",
  usage: "Process the kustomization directory. This flag can't be used together with -f or -R.",
};

/** The flags kubectl adds with -f (AddFilenameOptionFlags): -k and -R. */
export const DIRECTORY_FLAGS: FlagSpec[] = [KUSTOMIZE_FLAG, RECURSIVE_FLAG];

/** --field-manager, named after the verb (kubectl-patch, kubectl-label …); kubeplay keeps no managedFields. */
export function fieldManagerFlag(manager: string): FlagSpec {
  return {
    name: "field-manager",
    type: "string",
    default: manager,
    usage: "Name of the manager used to track field ownership.",
  };
}

/** --validate: the field validation a write asks the server for (fieldValidationOf). */
export const VALIDATE_FLAG: FlagSpec = {
  name: "validate",
  type: "string",
  default: "strict",
  noOptDefVal: "strict",
  usage: "Must be one of: strict (or true), warn, ignore (or false).",
};

/**
 * --chunk-size: how many items each list request asks for at a time. The lists kubectl prints
 * are the same whatever it is, so kubeplay, which lists in one go, accepts it as it is.
 */
export const CHUNK_SIZE_FLAG: FlagSpec = {
  name: "chunk-size",
  type: "int64",
  default: 500,
  usage:
    "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.",
};

export const DRY_RUN_FLAG: FlagSpec = {
  name: "dry-run",
  type: "string",
  default: "none",
  noOptDefVal: "unchanged",
  usage:
    'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
};

export const SHOW_LABELS_FLAG: FlagSpec = {
  name: "show-labels",
  type: "bool",
  usage: "When printing, show all labels as the last column (default hide labels column)",
};

export const ALL_FLAG: FlagSpec = {
  name: "all",
  type: "bool",
  usage: "Select all resources, in the namespace of the specified resource types.",
};

/** exec's, attach's and run's wait for a running pod (a minute by default). */
export const POD_RUNNING_TIMEOUT_FLAG: FlagSpec = {
  name: "pod-running-timeout",
  type: "duration",
  default: 60,
  usage:
    "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running",
};

/** The flags exec and attach share: which container, and how its streams are connected. */
export const CONTAINER_STREAM_FLAGS: FlagSpec[] = [
  {
    name: "container",
    shorthand: "c",
    type: "string",
    usage:
      "Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen",
  },
  POD_RUNNING_TIMEOUT_FLAG,
  { name: "quiet", shorthand: "q", type: "bool", usage: "Only print output from the remote session" },
  { name: "stdin", shorthand: "i", type: "bool", usage: "Pass stdin to the container" },
  { name: "tty", shorthand: "t", type: "bool", usage: "Stdin is a TTY" },
];
