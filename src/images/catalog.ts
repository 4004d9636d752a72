/**
 * The simulated image catalog: resolving `spec.containers[].image` the way the kubelet and
 * containerd do (normalisation, tags, errors word for word) and what a container of an image
 * does (its steps). The images themselves are data, in catalogData.ts.
 */
import { CATALOG } from "./catalogData";
import type { ImageEntry } from "./catalogTypes";
import type { ContainerSteps } from "./containerSteps";
import { listening, readsStdin, resolveProcess, runResolved, type ContainerContext } from "./imageProgram";
import { parseImageRef, refString, type ImageRef } from "./imageRef";
import { fakeDigest, resolveTag } from "./imageTags";

export type { ImageEntry } from "./catalogTypes";
export type { ContainerContext } from "./imageProgram";

/** A successfully resolved image. */
export interface ResolvedImage {
  ok: true;
  image: ImageEntry;
  /** The concrete tag ("1.27.4-alpine"); aliases resolved. */
  tag: string;
  /** The version the software reports ("1.27.4"). */
  version: string;
  /** The manifest digest, as in status.containerStatuses[].imageID. */
  digest: string;
  /** The fully qualified reference as pulled, e.g. "docker.io/library/nginx:latest". */
  fullRef: string;
}

/** A failed resolution: the waiting reason family and the kubelet's event message. */
export interface ImageFailure {
  ok: false;
  reason: "NotFound" | "InvalidImageName";
  message: string;
}

const KNOWN_REGISTRIES = new Set([
  "docker.io",
  "registry.k8s.io",
  "k8s.gcr.io",
  "gcr.io",
  "quay.io",
  "ghcr.io",
  "mcr.microsoft.com",
  "public.ecr.aws",
]);

/**
 * Resolves an image reference as written in a pod spec. Failures carry the kubelet's text:
 * InvalidImageName → `Failed to apply default image tag "NGINX": couldn't parse image
 * reference "NGINX": ...`; NotFound → `Failed to pull image "nginx:1.999": rpc error: ...`.
 */
export function resolveImage(ref: string): ResolvedImage | ImageFailure {
  const parsed = parseImageRef(ref);
  if ("error" in parsed) {
    const message = `Failed to apply default image tag "${ref}": couldn't parse image reference "${ref}": ${parsed.error}`;
    return { ok: false, reason: "InvalidImageName", message };
  }
  const fullRef = refString(parsed);
  const entry = CATALOG.find((e) => e.repository === `${parsed.domain}/${parsed.path}`);
  if (!entry) return pullFailure(ref, missingRepository(parsed, fullRef));
  const found = findTag(entry, parsed);
  if (!found)
    return pullFailure(
      ref,
      `code = NotFound desc = failed to pull and unpack image "${fullRef}": failed to resolve reference "${fullRef}": ${fullRef}: not found`,
    );
  return { ok: true, image: entry, ...found, fullRef };
}

function findTag(entry: ImageEntry, ref: ImageRef): { tag: string; version: string; digest: string } | null {
  if (ref.digest) {
    const all = [...entry.tags.versions.flatMap((v) => [v, ...entry.tags.variants.map((x) => `${v}-${x}`)])];
    const tag = all.find((t) => fakeDigest(entry.repository, t) === ref.digest);
    return tag ? { tag, version: tag.split("-")[0], digest: ref.digest } : null;
  }
  const r = resolveTag(entry.tags, ref.tag ?? "latest");
  return r ? { ...r, digest: fakeDigest(entry.repository, r.tag) } : null;
}

function missingRepository(ref: ImageRef, fullRef: string): string {
  const pulling = `failed to pull and unpack image "${fullRef}": failed to resolve reference "${fullRef}"`;
  if (ref.domain === "docker.io") {
    return `code = Unknown desc = ${pulling}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
  }
  if (KNOWN_REGISTRIES.has(ref.domain)) return `code = NotFound desc = ${pulling}: ${fullRef}: not found`;
  const host = ref.domain.replace(/:[0-9]+$/, "");
  const manifest = `https://${ref.domain}/v2/${ref.path}/manifests/${ref.digest ?? ref.tag}`;
  return `code = Unknown desc = ${pulling}: failed to do request: Head "${manifest}": dial tcp: lookup ${host}: no such host`;
}

function pullFailure(ref: string, detail: string): ImageFailure {
  return { ok: false, reason: "NotFound", message: `Failed to pull image "${ref}": rpc error: ${detail}` };
}

/** What a container does: its steps and listening ports, or why it cannot start. */
export type ContainerBehaviour =
  | {
      kind: "run";
      steps: ContainerSteps;
      listens: { ports: number[]; readyAfterSeconds: number } | null;
      argv: string[];
    }
  | { kind: "startError"; reason: "StartError"; exitCode: 128; message: string };

/** What a container runs: `command` replaces the ENTRYPOINT (and drops CMD); `args` alone replace CMD. */
export function containerArgv(entry: ImageEntry, command?: string[], args?: string[]): string[] {
  return command && command.length > 0
    ? [...command, ...(args ?? [])]
    : [...entry.entrypoint, ...(args ?? entry.cmd)];
}

/**
 * The shell a container of `entry` runs when it reads its commands from stdin (`-- sh`,
 * busybox's own `sh`, nginx's entrypoint handing over to `sh`), or undefined.
 */
export function stdinShellOf(entry: ImageEntry, command?: string[], args?: string[]): string | undefined {
  const process = resolveProcess(entry, containerArgv(entry, command, args));
  return process?.program.kind === "shell" && readsStdin(process.argv) ? process.argv[0] : undefined;
}

/**
 * The behaviour of a container of `image` with the pod's `command`/`args`, following
 * Kubernetes' rules: `command` replaces the image ENTRYPOINT (and drops its CMD); `args`
 * alone replace CMD. A binary the image lacks fails to start with containerd's message.
 */
export function containerBehaviour(
  image: ResolvedImage,
  command: string[] | undefined,
  args: string[] | undefined,
  ctx: ContainerContext,
): ContainerBehaviour {
  const entry = image.image;
  const argv = containerArgv(entry, command, args);
  const process = resolveProcess(entry, argv);
  if (!process)
    return { kind: "startError", reason: "StartError", exitCode: 128, message: startErrorMessage(argv) };
  return { kind: "run", steps: runResolved(process, image.version, ctx), listens: listening(process), argv };
}

function startErrorMessage(argv: string[]): string {
  const prefix =
    "failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process:";
  if (argv.length === 0) return `${prefix} error during container init: no command specified: unknown`;
  const bin = argv[0];
  if (bin.includes("/")) return `${prefix} exec: "${bin}": stat ${bin}: no such file or directory: unknown`;
  return `${prefix} exec: "${bin}": executable file not found in $PATH: unknown`;
}
