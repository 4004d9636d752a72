import type { Pod } from "kubernetes-types/core/v1";
import type { KubeObject } from "../../api/types";
import { resolveImage, stdinShellOf } from "../../images/catalog";
import { usageErrorMessage } from "../cli/commandErrors";
import type { FlagSpec } from "../cli/flags";
import { bool, list, num, str } from "../flagAccess";
import { KubectlError, type Verb, type VerbContext } from "../verb";
import {
  createGenerated,
  GENERATOR_FLAGS,
  generatedMeta,
  printGenerated,
  requireFlags,
  sendGenerated,
} from "./create/generatorRun";
import { POD_RUNNING_TIMEOUT_FLAG } from "./commonFlags";
import { OVERRIDE_FLAGS, withOverrides } from "./overrides";
import { attachToRun } from "./runAttach";

const IMAGE_FLAG: FlagSpec = {
  name: "image",
  type: "string",
  usage: "The image for the container to run.",
  required: true,
};

const RESTART_POLICIES = ["Always", "OnFailure", "Never"];

/**
 * `kubectl run NAME --image=IMAGE [--restart] [--labels] [--port] [--env] [--command] -- [COMMAND] [args...]`:
 * creates one bare Pod as kubectl's BasicPod generator builds it (and, with --expose, a ClusterIP
 * Service in front of it). With -i or --attach it waits for the pod and shows its output
 * (runAttach.ts).
 */
export const runVerb: Verb = {
  name: "run",
  short: "Run a particular image on the cluster",
  usage:
    'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  flags: [
    { name: "annotations", type: "stringArray", usage: "Annotations to apply to the pod." },
    {
      name: "attach",
      type: "bool",
      usage:
        "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true. With '--restart=Never' the exit code of the container process is returned.",
    },
    {
      name: "command",
      type: "bool",
      usage:
        "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.",
    },
    { name: "env", type: "stringArray", usage: "Environment variables to set in the container." },
    {
      name: "expose",
      type: "bool",
      usage: "If true, create a ClusterIP service associated with the pod.  Requires `--port`.",
    },
    ...GENERATOR_FLAGS.filter((f) => f.name !== "validate").map((f) =>
      f.name === "field-manager" ? { ...f, default: "kubectl-run" } : f,
    ),
    IMAGE_FLAG,
    ...OVERRIDE_FLAGS,
    {
      name: "image-pull-policy",
      type: "string",
      usage:
        "The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server.",
    },
    {
      name: "labels",
      shorthand: "l",
      type: "string",
      usage: "Comma separated labels to apply to the pod. Will override previous values.",
    },
    {
      name: "leave-stdin-open",
      type: "bool",
      usage:
        "If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes.",
    },
    POD_RUNNING_TIMEOUT_FLAG,
    { name: "port", type: "string", usage: "The port that this container exposes." },
    { name: "privileged", type: "bool", usage: "If true, run the container in privileged mode." },
    { name: "quiet", shorthand: "q", type: "bool", usage: "If true, suppress prompt messages." },
    {
      name: "restart",
      type: "string",
      default: "Always",
      usage: "The restart policy for this Pod.  Legal values [Always, OnFailure, Never].",
    },
    {
      name: "rm",
      type: "bool",
      usage:
        "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'.",
    },
    {
      name: "stdin",
      shorthand: "i",
      type: "bool",
      usage: "Keep stdin open on the container in the pod, even if nothing is attached.",
    },
    { name: "tty", shorthand: "t", type: "bool", usage: "Allocate a TTY for the container in the pod." },
  ],
  run: runPod,
};

function runPod(ctx: VerbContext): number {
  const atDash = ctx.argsLenAtDash;
  if (ctx.args.length === 0 || atDash === 0) throw usage("NAME is required for run");
  requireFlags(ctx, [IMAGE_FLAG]);
  const restart = str(ctx.flags, "restart");
  if (!RESTART_POLICIES.includes(restart)) throw usage(`invalid restart policy: ${restart}`);
  if (bool(ctx.flags, "expose") && !str(ctx.flags, "port"))
    throw usage("--port must be set when exposing a service");
  checkAttach(ctx);
  const name = ctx.args[0];
  const pod = withOverrides(ctx, podFor(ctx, name, ctx.args.slice(1), restart));
  if (attaches(ctx)) {
    const created = sendGenerated(ctx, pod) as Pod;
    if (bool(ctx.flags, "expose")) printGenerated(ctx, sendGenerated(ctx, serviceFor(ctx, name)));
    return attachToRun(ctx, created, {
      stdin: bool(ctx.flags, "stdin"),
      shell: stdinShell(ctx),
      tty: bool(ctx.flags, "tty"),
      quiet: bool(ctx.flags, "quiet"),
      remove: bool(ctx.flags, "rm"),
      restartPolicy: restart,
      runningTimeout: num(ctx.flags, "pod-running-timeout"),
    });
  }
  if (!bool(ctx.flags, "expose")) return createGenerated(ctx, pod);
  // As kubectl 1.32 does it: the pod is created first, the Service printed first (a `---`
  // between the two in YAML); a Service that cannot be created fails the command after the pod's line.
  const created = sendGenerated(ctx, pod);
  let serviceError: unknown;
  try {
    printGenerated(ctx, sendGenerated(ctx, serviceFor(ctx, name)));
    if (str(ctx.flags, "output") === "yaml") ctx.out("---\n");
  } catch (error) {
    serviceError = error;
  }
  printGenerated(ctx, created);
  if (serviceError) throw serviceError;
  return 0;
}

/** --expose: the service/v2 generator's ClusterIP Service for the pod, selecting its labels, on --port. */
function serviceFor(ctx: VerbContext, name: string): KubeObject {
  const labelText = str(ctx.flags, "labels");
  const port = parsePortNumber(str(ctx.flags, "port"));
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: generatedMeta(ctx, name, labelText ? { labels: parseLabels(labelText) } : {}),
    spec: {
      ports: [{ port, protocol: "TCP", targetPort: port }],
      selector: labelText ? parseLabels(labelText) : { run: name },
    },
    status: { loadBalancer: {} },
  };
}

/** Whether kubectl attaches to the pod: --attach, which -i turns on unless --attach=false. */
function attaches(ctx: VerbContext): boolean {
  return ctx.changed.has("attach") ? bool(ctx.flags, "attach") : bool(ctx.flags, "stdin");
}

/** kubectl's order of checks for the attach flags. */
function checkAttach(ctx: VerbContext): void {
  const attach = attaches(ctx);
  if (bool(ctx.flags, "tty") && !bool(ctx.flags, "stdin"))
    throw usage("-i/--stdin is required for containers with -t/--tty=true");
  const dryRun = str(ctx.flags, "dry-run");
  if (bool(ctx.flags, "rm") && !attach) throw usage("--rm should only be used for attached containers");
  if (attach && dryRun !== "none" && dryRun !== "")
    throw usage(
      "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)",
    );
}

/** The shell the new container runs when it reads its commands from stdin, if it does. */
function stdinShell(ctx: VerbContext): string | undefined {
  const image = resolveImage(str(ctx.flags, "image"));
  if (!image.ok) return undefined;
  const given = ctx.args.slice(1);
  const command = bool(ctx.flags, "command") ? given : undefined;
  const args = !bool(ctx.flags, "command") && given.length > 0 ? given : undefined;
  return stdinShellOf(image.image, command, args);
}

function usage(message: string): KubectlError {
  return new KubectlError(`error: ${usageErrorMessage("kubectl run", message)}`);
}

/** The BasicPod generator's Pod: label `run: NAME` unless --labels, one container named NAME. */
function podFor(ctx: VerbContext, name: string, rest: string[], restart: string): KubeObject {
  const container: Record<string, unknown> = {};
  if (rest.length > 0) container[bool(ctx.flags, "command") ? "command" : "args"] = rest;
  const env = list(ctx.flags, "env").map(parseEnv);
  if (env.length > 0) container.env = env;
  container.image = str(ctx.flags, "image");
  const pullPolicy = str(ctx.flags, "image-pull-policy");
  if (pullPolicy) container.imagePullPolicy = pullPolicy;
  container.name = name;
  const port = str(ctx.flags, "port");
  if (port) container.ports = [{ containerPort: parsePortNumber(port) }];
  container.resources = {};
  if (bool(ctx.flags, "privileged")) container.securityContext = { privileged: true };
  // The run generator's stdin, stdinOnce (unless --leave-stdin-open) and tty.
  const stdin = bool(ctx.flags, "stdin");
  if (stdin) container.stdin = true;
  if (stdin && !bool(ctx.flags, "leave-stdin-open")) container.stdinOnce = true;
  if (bool(ctx.flags, "tty")) container.tty = true;
  const labelText = str(ctx.flags, "labels");
  const metadata: Record<string, unknown> = { creationTimestamp: null };
  const annotations = list(ctx.flags, "annotations");
  if (annotations.length > 0) metadata.annotations = parseAnnotations(annotations);
  metadata.labels = labelText ? parseLabels(labelText) : { run: name };
  metadata.name = name;
  if (ctx.namespaceExplicit) metadata.namespace = ctx.namespace;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: metadata as KubeObject["metadata"],
    spec: { containers: [container], dnsPolicy: "ClusterFirst", restartPolicy: restart },
    status: {},
  };
}

/** `KEY=value`; kubectl rejects a missing `=` or an invalid variable name. */
function parseEnv(text: string): { name: string; value: string } {
  const at = text.indexOf("=");
  const name = at < 0 ? "" : text.slice(0, at);
  if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name)) throw new KubectlError(`error: invalid env: ${text}`);
  return { name, value: text.slice(at + 1) };
}

/** generate.ParseLabels: `k=v,k2=v2`. */
export function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const pair of text.split(",")) {
    const parts = pair.split("=");
    if (parts.length !== 2) throw new KubectlError(`error: unexpected label spec: ${pair}`);
    labels[parts[0]] = parts[1];
  }
  return labels;
}

function parseAnnotations(pairs: string[]): Record<string, string> {
  const annotations: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at <= 0) throw new KubectlError(`error: invalid annotations format: ${pair}`);
    annotations[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return annotations;
}

/** strconv.Atoi, with Go's message for anything else. */
export function parsePortNumber(text: string): number {
  if (!/^[+-]?\d+$/.test(text))
    throw new KubectlError(`error: strconv.Atoi: parsing "${text}": invalid syntax`);
  return Number(text);
}
