import { apiVersionOf, RESOURCE_TYPES } from "../../api/registry";
import type { Verb } from "../verb";

/** `kubectl api-versions`: the group/versions the API server serves, sorted as kubectl sorts them. */
export const apiVersionsVerb: Verb = {
  name: "api-versions",
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  usage: "kubectl api-versions [options]",
  flags: [],
  run: (ctx) => {
    const versions = [...new Set(RESOURCE_TYPES.map(apiVersionOf))].sort((a, b) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    ctx.out(versions.map((v) => `${v}\n`).join(""));
    return 0;
  },
};
