/**
 * Prober workers (pkg/kubelet/prober/worker.go): one per probe of a running container,
 * probing every periodSeconds after initialDelaySeconds and acting on thresholds.
 * A probe whose result can no longer change (a server answering on its port) stops
 * probing, so healthy pods schedule nothing: only transitions cost work.
 */
import type { Probe } from "kubernetes-types/core/v1";
import type { PodWorker } from "./podWorker";
import { runProbe } from "./probes";
import type { ContainerRuntime, ProbeState } from "./types";

const TITLE = { liveness: "Liveness", readiness: "Readiness", startup: "Startup" } as const;

/** Starts the container's probe workers: startup first; liveness and readiness once started. */
export function startProbes(w: PodWorker, c: ContainerRuntime): void {
  c.probes = [];
  if (c.spec.startupProbe) return begin(w, c, "startup", c.spec.startupProbe);
  startMainProbes(w, c);
}

/** Stops every probe worker of the container. */
export function stopProbes(c: ContainerRuntime): void {
  for (const p of c.probes) p.timer?.cancel();
  c.probes = [];
}

function startMainProbes(w: PodWorker, c: ContainerRuntime): void {
  if (c.spec.livenessProbe) begin(w, c, "liveness", c.spec.livenessProbe);
  if (c.spec.readinessProbe) begin(w, c, "readiness", c.spec.readinessProbe);
}

function begin(w: PodWorker, c: ContainerRuntime, kind: ProbeState["kind"], probe: Probe): void {
  const state: ProbeState = { kind, probe, successes: 0, failures: 0 };
  c.probes.push(state);
  const startedAt = c.running?.startedAt ?? w.host.ctx.clock.now();
  const first = startedAt + (probe.initialDelaySeconds ?? 0) * 1000;
  schedule(w, c, state, Math.max(0, first - w.host.ctx.clock.now()));
}

function schedule(w: PodWorker, c: ContainerRuntime, state: ProbeState, delayMs: number): void {
  state.timer = w.host.ctx.clock.after(
    delayMs,
    `kubelet ${state.kind} probe ${w.rt.name}/${c.spec.name}`,
    () => tick(w, c, state),
  );
}

function tick(w: PodWorker, c: ContainerRuntime, state: ProbeState): void {
  if (c.phase !== "running" || c.stopping || !c.probes.includes(state)) return;
  const now = w.host.ctx.clock.now();
  const result = runProbe(state.probe, c, w.rt.podIP ?? "", now, c.env ?? {});
  if (result.ok) {
    state.successes++;
    state.failures = 0;
  } else {
    state.failures++;
    state.successes = 0;
    w.warn("Unhealthy", `${TITLE[state.kind]} probe failed: ${result.message}`);
  }
  const keepGoing = react(w, c, state, result.ok, result.stable);
  if (keepGoing) schedule(w, c, state, (state.probe.periodSeconds ?? 10) * 1000);
}

/** Applies thresholds; returns whether the worker keeps probing. */
function react(w: PodWorker, c: ContainerRuntime, state: ProbeState, ok: boolean, stable: boolean): boolean {
  const successThreshold = state.probe.successThreshold ?? 1;
  const failureThreshold = state.probe.failureThreshold ?? 3;
  if (!ok && state.failures >= failureThreshold && state.kind !== "readiness") {
    w.normal("Killing", `Container ${c.spec.name} failed ${state.kind} probe, will be restarted`);
    w.stopContainer(c, graceSeconds(w, state.probe));
    return false;
  }
  if (state.kind === "startup") {
    if (!ok || state.successes < successThreshold) return true;
    c.started = true;
    c.ready = !c.spec.readinessProbe;
    w.writeStatusNow();
    startMainProbes(w, c);
    c.probes = c.probes.filter((p) => p !== state);
    return false;
  }
  if (state.kind === "readiness") {
    const ready = ok
      ? state.successes >= successThreshold || c.ready
      : state.failures < failureThreshold && c.ready;
    if (ready !== c.ready) {
      c.ready = ready;
      w.writeStatusNow();
    }
  }
  return !(ok && stable && (state.kind === "liveness" || c.ready));
}

function graceSeconds(w: PodWorker, probe: Probe): number {
  return probe.terminationGracePeriodSeconds ?? w.pod()?.spec?.terminationGracePeriodSeconds ?? 30;
}
