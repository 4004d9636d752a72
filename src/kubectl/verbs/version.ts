import { bool, str } from "../flagAccess";
import { toYaml } from "../output/yaml";
import { KubectlError, type Verb, type VerbContext } from "../verb";

/** version.Info as `kubectl version -o json` prints it, in Go's field order. */
interface VersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
  platform: string;
}

/** The kube-apiserver the playground stands in for: v1.32.0 (the release build's metadata). */
export const SERVER_VERSION: VersionInfo = {
  major: "1",
  minor: "32",
  gitVersion: "v1.32.0",
  gitCommit: "70d3cc986aa8221cd1dfb1121852688902d3bf53",
  gitTreeState: "clean",
  buildDate: "2024-12-11T17:59:15Z",
  goVersion: "go1.23.3",
  compiler: "gc",
  platform: "linux/amd64",
};

/** The kubectl the console stands in for: the same release as the server. */
export const CLIENT_VERSION: VersionInfo = { ...SERVER_VERSION, buildDate: "2024-12-11T18:04:20Z" };

/** The kustomize library kubectl v1.32 embeds. */
export const KUSTOMIZE_VERSION = "v5.5.0";

/** `kubectl version`: client, kustomize and server versions, or -o json|yaml. */
export const versionVerb: Verb = {
  name: "version",
  short: "Print the client and server version information",
  usage: "kubectl version [flags] [options]",
  flags: [
    { name: "client", type: "bool", usage: "If true, shows client version only (no server required)." },
    { name: "output", shorthand: "o", type: "string", usage: "One of 'yaml' or 'json'." },
  ],
  run: runVersion,
};

function runVersion(ctx: VerbContext): number {
  const output = str(ctx.flags, "output");
  if (output !== "" && output !== "yaml" && output !== "json")
    throw new KubectlError("error: --output must be 'yaml' or 'json'");
  const clientOnly = bool(ctx.flags, "client");
  const info: Record<string, unknown> = {
    clientVersion: CLIENT_VERSION,
    kustomizeVersion: KUSTOMIZE_VERSION,
  };
  if (!clientOnly) info.serverVersion = SERVER_VERSION;
  // json.MarshalIndent of the struct: Go field order, two-space indent.
  if (output === "json") ctx.out(`${JSON.stringify(info, null, 2)}\n`);
  else if (output === "yaml") ctx.out(`${toYaml(info)}\n`);
  else {
    ctx.out(`Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
    if (!clientOnly) ctx.out(`Server Version: ${SERVER_VERSION.gitVersion}\n`);
  }
  return 0;
}
