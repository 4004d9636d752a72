import { tryParseQuantity } from "../../apimachinery/quantity";
import { str } from "../flagAccess";
import { KubectlError, type Verb, type VerbContext } from "../verb";
import {
  ALL_FLAG,
  DIRECTORY_FLAGS,
  DRY_RUN_FLAG,
  fieldManagerFlag,
  FILENAME_FLAG,
  PRINT_FLAGS,
  SELECTOR_FLAG,
} from "./commonFlags";
import { editableContainers, selectContainers, updateTemplates } from "./podTemplate";

/** `kubectl set resources`: container requests and limits on a pod template. */
export const setResourcesVerb: Verb = {
  name: "resources",
  short: "Update resource requests/limits on objects with pod templates",
  usage:
    "kubectl set resources (-f FILENAME | TYPE NAME)  ([--limits=LIMITS & --requests=REQUESTS] [options]",
  flags: [
    fieldManagerFlag("kubectl-set"),
    ...DIRECTORY_FLAGS,
    ALL_FLAG,
    {
      name: "containers",
      shorthand: "c",
      type: "string",
      default: "*",
      usage:
        "The names of containers in the selected pod templates to change, all containers are selected by default - may use wildcards",
    },
    DRY_RUN_FLAG,
    FILENAME_FLAG,
    {
      name: "limits",
      type: "string",
      usage:
        "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges.",
    },
    ...PRINT_FLAGS,
    {
      name: "requests",
      type: "string",
      usage:
        "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges.",
    },
    SELECTOR_FLAG,
  ],
  run: runSetResources,
};

function runSetResources(ctx: VerbContext): number {
  const limits = parseResourceList(str(ctx.flags, "limits"));
  const requests = parseResourceList(str(ctx.flags, "requests"));
  if (!limits && !requests)
    throw new KubectlError(
      "error: you must specify an update to requests or limits (in the form of --requests/--limits)",
    );
  const pattern = str(ctx.flags, "containers") || "*";
  return updateTemplates(
    ctx,
    ctx.args,
    (obj) => {
      const { copy, containers } = editableContainers(obj);
      const targets = selectContainers(containers, pattern);
      if (targets.length === 0) throw new KubectlError(`error: unable to find container named ${pattern}`);
      for (const c of targets) {
        c.resources = {
          ...c.resources,
          ...(limits ? { limits: { ...c.resources?.limits, ...limits } } : {}),
          ...(requests ? { requests: { ...c.resources?.requests, ...requests } } : {}),
        };
      }
      return copy;
    },
    "resource requirements updated",
  );
}

/** `cpu=100m,memory=256Mi` → a ResourceList; undefined for an empty flag. */
function parseResourceList(text: string): Record<string, string> | undefined {
  if (!text) return undefined;
  const list: Record<string, string> = {};
  for (const pair of text.split(",")) {
    const [name, value, ...rest] = pair.split("=");
    if (!name || value === undefined || rest.length > 0)
      throw new KubectlError(`error: Invalid argument syntax ${pair}, expected <resource>=<value>`);
    if (!tryParseQuantity(value))
      throw new KubectlError(
        `error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
      );
    list[name] = value;
  }
  return list;
}
