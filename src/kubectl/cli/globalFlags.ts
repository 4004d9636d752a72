/**
 * kubectl 1.32's global flags (`kubectl options`), accepted by every command.
 * All are declared so that a learner's pasted command line parses as it
 * would for real; the simulator acts on `--namespace` only. Connection and
 * auth flags (`--kubeconfig`, `--context`, `--server`, `--token`, ...) and
 * logging flags (`-v`, `--vmodule`) are accepted and ignored: there is one
 * in-browser cluster and no log output.
 */
import type { FlagSpec } from "./flagSpec";

/** The flags listed by `kubectl options`, with kubectl's usage text and defaults. */
export const globalFlags: readonly FlagSpec[] = [
  {
    name: "as",
    type: "string",
    usage:
      "Username to impersonate for the operation. User could be a regular user or a service account in a namespace.",
  },
  {
    name: "as-group",
    type: "stringArray",
    usage: "Group to impersonate for the operation, this flag can be repeated to specify multiple groups.",
  },
  { name: "as-uid", type: "string", usage: "UID to impersonate for the operation." },
  // kubectl expands $HOME at startup; the playground has no home directory to show.
  { name: "cache-dir", type: "string", default: "$HOME/.kube/cache", usage: "Default cache directory" },
  {
    name: "certificate-authority",
    type: "string",
    usage: "Path to a cert file for the certificate authority",
  },
  { name: "client-certificate", type: "string", usage: "Path to a client certificate file for TLS" },
  { name: "client-key", type: "string", usage: "Path to a client key file for TLS" },
  { name: "cluster", type: "string", usage: "The name of the kubeconfig cluster to use" },
  { name: "context", type: "string", usage: "The name of the kubeconfig context to use" },
  {
    name: "disable-compression",
    type: "bool",
    usage: "If true, opt-out of response compression for all requests to the server",
  },
  {
    name: "insecure-skip-tls-verify",
    type: "bool",
    usage:
      "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure",
  },
  { name: "kubeconfig", type: "string", usage: "Path to the kubeconfig file to use for CLI requests." },
  {
    name: "log-flush-frequency",
    type: "duration",
    default: 5,
    usage: "Maximum number of seconds between log flushes",
  },
  { name: "match-server-version", type: "bool", usage: "Require server version to match client version" },
  {
    name: "namespace",
    shorthand: "n",
    type: "string",
    usage: "If present, the namespace scope for this CLI request",
  },
  { name: "password", type: "string", usage: "Password for basic authentication to the API server" },
  {
    name: "profile",
    type: "string",
    default: "none",
    usage: "Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)",
  },
  {
    name: "profile-output",
    type: "string",
    default: "profile.pprof",
    usage: "Name of the file to write the profile to",
  },
  {
    name: "request-timeout",
    type: "string",
    default: "0",
    usage:
      "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests.",
  },
  {
    name: "server",
    shorthand: "s",
    type: "string",
    usage: "The address and port of the Kubernetes API server",
  },
  {
    name: "tls-server-name",
    type: "string",
    usage:
      "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used",
  },
  { name: "token", type: "string", usage: "Bearer token for authentication to the API server" },
  { name: "user", type: "string", usage: "The name of the kubeconfig user to use" },
  { name: "username", type: "string", usage: "Username for basic authentication to the API server" },
  // klog's Level parses with base 10 where pflag's int32 takes base prefixes; "-v=0x1" differs.
  { name: "v", shorthand: "v", type: "int32", usage: "number for the log level verbosity" },
  {
    name: "vmodule",
    type: "string",
    usage:
      "comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)",
  },
  {
    name: "warnings-as-errors",
    type: "bool",
    usage: "Treat warnings received from the server as errors and exit with a non-zero exit code",
  },
];

/**
 * The -h/--help flag cobra adds to every command, e.g. helpFlag("get") has
 * usage "help for get"; the root command's is "help for kubectl".
 */
export function helpFlag(commandName: string): FlagSpec {
  return { name: "help", shorthand: "h", type: "bool", usage: `help for ${commandName}` };
}

/** A command's own flags followed by the global ones and its help flag, ready for parseFlags. */
export function withGlobalFlags(commandName: string, own: readonly FlagSpec[]): FlagSpec[] {
  // A command's own flag shadows a global one of the same name, as cobra lets it
  // (`config set-context --cluster/--user/--namespace`).
  const shadowed = new Set(own.map((flag) => flag.name));
  return [...own, ...globalFlags.filter((flag) => !shadowed.has(flag.name)), helpFlag(commandName)];
}
