/**
 * The prober (pkg/kubelet/prober): evaluates a container's probes against what its
 * simulated image does. httpGet, tcpSocket and grpc succeed when the process listens on the
 * port and has finished starting; a server whose pages the catalog models answers 404 for a
 * path it does not have (a readiness probe on /healthz against plain nginx fails), others 200.
 * exec probes run their command through the simulated shell against the container
 * instance's own file system, so `cat /tmp/healthy` sees what the main process wrote.
 * A server that models a failing health endpoint (healthySeconds) answers HTTP 500 after it.
 */
import type { Probe } from "kubernetes-types/core/v1";
import type { ContainerFs } from "../images/containerFs";
import { isKnownCommand, runProcess } from "../images/shell";
import { httpStatus } from "./podNetwork";
import type { ContainerRuntime } from "./types";

/** A probe's outcome and, for a failure, the text after "Liveness probe failed: ". */
export interface ProbeResult {
  ok: boolean;
  message: string;
  /** The result cannot change any more while this instance runs (no need to probe again). */
  stable: boolean;
}

/** Runs one probe of a running container at `now`. */
export function runProbe(
  probe: Probe,
  c: ContainerRuntime,
  podIP: string,
  now: number,
  env: Record<string, string>,
): ProbeResult {
  if (probe.exec)
    return execProbe(probe.exec.command ?? [], probe.timeoutSeconds ?? 1, now, env, c.fs, c.spec.workingDir);
  const port = resolvePort(probe, c);
  const startedAt = c.running?.startedAt ?? now;
  const listening = port !== undefined && (c.listens?.ports.includes(port) ?? false);
  const readyAt = startedAt + (c.listens?.readyAfterSeconds ?? 0) * 1000;
  const ok = listening && now >= readyAt;
  const stable = !listening || ok;
  if (ok && probe.httpGet && unhealthyAt(c) <= now)
    return { ok: false, message: "HTTP probe failed with statuscode: 500", stable: true };
  // The prober counts 200–399 as success: a path the server does not have fails with its 404.
  const status = ok && probe.httpGet ? httpStatus(c, probe.httpGet.path ?? "/") : undefined;
  if (status !== undefined && status >= 400)
    return { ok: false, message: `HTTP probe failed with statuscode: ${status}`, stable: true };
  if (ok) return { ok, message: "", stable: stable && unhealthyAt(c) === Infinity };
  const target = `${podIP}:${port ?? 0}`;
  if (probe.httpGet) {
    const scheme = (probe.httpGet.scheme ?? "HTTP").toLowerCase();
    const path = probe.httpGet.path ?? "/";
    return {
      ok,
      stable,
      message: `Get "${scheme}://${target}${path}": dial tcp ${target}: connect: connection refused`,
    };
  }
  if (probe.grpc)
    return {
      ok,
      stable,
      message: `failed to connect service "${target}" within ${probe.timeoutSeconds ?? 1}s: context deadline exceeded`,
    };
  return { ok, stable, message: `dial tcp ${target}: connect: connection refused` };
}

/** When the process's health endpoints start answering 500 (Infinity: never). */
function unhealthyAt(c: ContainerRuntime): number {
  const program = c.process?.program;
  const seconds = program?.kind === "server" ? program.healthySeconds : undefined;
  if (seconds === undefined || !c.running) return Infinity;
  return c.running.startedAt + seconds * 1000;
}

function resolvePort(probe: Probe, c: ContainerRuntime): number | undefined {
  const port = probe.httpGet?.port ?? probe.tcpSocket?.port ?? probe.grpc?.port;
  if (typeof port === "number") return port;
  if (typeof port === "string" && /^\d+$/.test(port)) return Number(port);
  return c.spec.ports?.find((p) => p.name === port)?.containerPort;
}

/** Plays the command until it exits or its timeout passes; output is the failure message. */
function execProbe(
  command: string[],
  timeoutSeconds: number,
  now: number,
  env: Record<string, string>,
  fs: ContainerFs | undefined,
  workingDir: string | undefined,
): ProbeResult {
  if (command.length === 0 || !isKnownCommand(command[0])) {
    const bin = command[0] ?? "";
    const message = `OCI runtime exec failed: exec failed: unable to start container process: exec: "${bin}": executable file not found in $PATH: unknown`;
    return { ok: false, message, stable: false };
  }
  let clock = now;
  let output = "";
  for (const step of runProcess(command, { env, now: () => clock, fs, workingDir })) {
    if (step.kind === "output") output += step.text;
    else if (step.kind === "sleep") {
      clock += step.seconds * 1000;
      if (clock - now > timeoutSeconds * 1000) {
        return {
          ok: false,
          message: `command timed out: "${command.join(" ")}" timed out after ${timeoutSeconds}s`,
          stable: false,
        };
      }
    } else if (step.kind === "exit") return { ok: step.code === 0, message: output, stable: false };
  }
  return { ok: false, message: output, stable: false };
}
