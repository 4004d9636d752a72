/**
 * One pod's worker (pod_workers + kuberuntime_manager SyncPod): creates the sandbox, starts
 * init containers in order, then regular containers one after another (each: ensure image,
 * create, start), restarts exited containers under the restart policy with back-off, and
 * writes status through the status manager. Everything is driven by simulated-clock timers
 * at the instants something changes; a server that runs forever costs no timers at all.
 */
import type { Pod } from "kubernetes-types/core/v1";
import type { StatusError } from "../api/errors";
import type { KubeObject } from "../api/types";
import { refOf } from "../api/types";
import { containerBehaviour } from "../images/catalog";
import { resolveProcess } from "../images/imageProgram";
import type { ResolvedImage } from "../images/catalog";
import { goMs } from "./imageManager";
import { containerEnv } from "./containerEnv";
import type { KubeletHost } from "./host";
import { containerFs, terminationMessage } from "./containerFiles";
import { resolveClusterName } from "./dns";
import { podHttpClient } from "./podNetwork";
import { LIFECYCLE, REASON } from "./lifecycle";
import { initialized, podPhase, podStatus } from "./podStatus";
import { startProbes, stopProbes } from "./probeWorker";
import { restartChanged } from "./specChange";
import { cancelTimers } from "./timers";
import { parseQuantityValue } from "../apimachinery/quantity";
import type { ContainerRuntime, PodRuntime } from "./types";

/** Output steps played synchronously before the worker yields to the clock (a loop guard). */
const MAX_STEPS_PER_TURN = 10_000;

export class PodWorker {
  /** Set when a status write or the final delete was held back while the node was stopped. */
  stale = false;
  /** The stored pod spec the worker last applied (stored objects are never mutated). */
  appliedSpec: Pod["spec"];

  constructor(
    readonly host: KubeletHost,
    readonly rt: PodRuntime,
  ) {}

  private get now(): number {
    return this.host.ctx.clock.now();
  }

  /** The stored pod, or undefined once it is gone (or replaced by a pod of the same name). */
  pod(): Pod | undefined {
    return this.host.pod(this.rt.namespace, this.rt.name, this.rt.uid);
  }

  /** First sight of the pod on this node: Pending status, then the sandbox. */
  start(): void {
    this.rt.hostIP = this.host.nodeIP(this.rt.nodeName);
    this.writeStatusNow();
    this.later(LIFECYCLE.sandboxMs, "sandbox", () => this.sandboxReady());
  }

  /**
   * The real kubelet creates the sandbox, pulls and starts the containers within one SyncPod,
   * and writes status only at the start of the next: the sandbox's IP and
   * PodReadyToStartContainers show with the containers' next change, not on their own.
   */
  private sandboxReady(): void {
    this.rt.sandboxReady = true;
    this.rt.podIP = this.host.ipam(this.rt.nodeName).allocate();
    this.trace("pod sandbox created", [`assigned IP ${this.rt.podIP ?? "<none>"}`]);
    this.sync();
  }

  /** computePodActions: starts the next container that should run, if any. */
  sync(): void {
    const rt = this.rt;
    if (rt.terminating || !rt.sandboxReady || rt.sandboxGone) return;
    for (const c of rt.containers.filter((x) => x.kind !== "regular")) {
      if (c.phase === "idle") return this.startContainer(c);
      if (c.kind === "sidecar" ? c.started : c.phase === "exited" && c.terminated?.exitCode === 0) continue;
      return;
    }
    const regular = rt.containers.filter((c) => c.kind === "regular");
    if (regular.some((c) => c.phase === "starting")) return;
    const next = regular.find((c) => c.phase === "idle");
    if (next) this.startContainer(next);
    else this.checkCompleted();
  }

  /** EnsureImageExists, then create and start. */
  private startContainer(c: ContainerRuntime): void {
    c.phase = "starting";
    const pod = this.pod();
    if (!pod) return;
    const image = c.spec.image ?? "";
    const key = `${this.rt.uid}_${image}`;
    const { imageBackoff, pullErrors } = this.host;
    if (imageBackoff.isInBackOffSinceUpdate(key, this.now)) return this.pullBackOff(c, key);
    const plan = this.host
      .images(this.rt.nodeName)
      .ensure(image, c.spec.imagePullPolicy ?? "IfNotPresent", this.now, this.host.ctx.random);
    if (plan.kind === "error") {
      this.warn(plan.eventReason, plan.message);
      this.warn("Failed", `Error: ${plan.reason}`);
      c.phase = "blocked";
      c.waiting = { reason: plan.reason, message: plan.message };
      return this.writeStatus();
    }
    if (plan.kind === "present") {
      this.normal("Pulled", plan.message);
      return this.createContainer(c, plan.image);
    }
    this.normal("Pulling", `Pulling image "${image}"`);
    this.at(c, plan.doneAt, "image pull", () => {
      if (plan.kind === "pull") {
        this.normal("Pulled", plan.pulledMessage);
        return this.createContainer(c, plan.image);
      }
      this.warn("Failed", plan.failedMessage);
      imageBackoff.next(key, this.now);
      pullErrors.set(key, `${REASON.errImagePull}: ${plan.waitingMessage}`);
      this.warn("Failed", `Error: ${REASON.errImagePull}`);
      c.waiting = { reason: REASON.errImagePull, message: plan.waitingMessage };
      this.writeStatus();
      this.at(c, this.now + LIFECYCLE.errorResyncMs, "resync", () => this.startContainer(c));
    });
  }

  /** The image is in back-off: say so and retry when it runs out. */
  private pullBackOff(c: ContainerRuntime, key: string): void {
    const image = c.spec.image ?? "";
    const short = `Back-off pulling image "${image}"`;
    this.normal("BackOff", short);
    this.warn("Failed", `Error: ${REASON.imagePullBackOff}`);
    const prev = this.host.pullErrors.get(key);
    c.waiting = { reason: REASON.imagePullBackOff, message: prev ? `${short}: ${prev}` : short };
    this.writeStatus();
    this.at(c, this.host.imageBackoff.untilSinceUpdate(key), "pull back-off", () => this.startContainer(c));
  }

  /** CreateContainer + StartContainer: a new instance with its own ID and log. */
  private createContainer(c: ContainerRuntime, image: ResolvedImage): void {
    const pod = this.pod();
    if (!pod) return;
    if (c.terminated) c.last = c.terminated;
    c.terminated = undefined;
    if (c.created) c.restartCount++;
    c.created = true;
    c.containerID = `containerd://${hex64(this.host.ctx.random)}`;
    c.imageName = image.fullRef;
    c.imageID = `${image.image.repository}@${image.digest}`;
    this.host.logs.open(this.rt.uid, c.spec.name, c.containerID);
    this.normal("Created", `Created container ${c.spec.name}`);
    const store = this.host.ctx.api.store;
    const env = containerEnv(store, pod, c.spec, this.rt.podIP);
    c.env = env;
    c.fs = containerFs(pod, c, store, this.rt.emptyDirs, this.rt.podIP);
    const namespace = this.rt.namespace;
    const lookupHost = (name: string) => resolveClusterName(store, namespace, name);
    const workingDir = c.spec.workingDir;
    const now = () => this.now;
    const client = { namespace, name: this.rt.name, uid: this.rt.uid, podIP: this.rt.podIP };
    const httpGet = podHttpClient(this.host.ctx.api, client, now);
    const stdinOpen = c.spec.stdin === true;
    const ctx = { env, now, podIP: this.rt.podIP, fs: c.fs, lookupHost, httpGet, workingDir, stdinOpen };
    const behaviour = containerBehaviour(image, c.spec.command, c.spec.args, ctx);
    if (behaviour.kind === "startError") {
      this.warn("Failed", `Error: ${behaviour.message}`);
      c.waiting = undefined;
      return this.exited(c, behaviour.exitCode, REASON.startError, behaviour.message);
    }
    c.steps = behaviour.steps;
    c.listens = behaviour.listens;
    c.process = resolveProcess(image.image, behaviour.argv) ?? undefined;
    this.later(image.image.startSeconds * 1000, "container start", () => this.running(c), c);
  }

  private running(c: ContainerRuntime): void {
    c.phase = "running";
    c.waiting = undefined;
    c.running = { startedAt: this.now };
    c.stopping = false;
    c.started = !c.spec.startupProbe;
    // An init container is only ready once it has completed (kubelet_pods.go).
    c.ready = c.kind !== "init" && c.started && !c.spec.readinessProbe;
    this.normal("Started", `Started container ${c.spec.name}`);
    this.trace(`container ${c.spec.name} started`, [`started container ${c.spec.name}`]);
    startProbes(this, c);
    this.writeStatus();
    this.play(c);
    this.sync();
  }

  /** Plays the process's steps until it sleeps, blocks forever or exits. */
  private play(c: ContainerRuntime): void {
    const steps = c.steps;
    if (!steps) return;
    for (let i = 0; i < MAX_STEPS_PER_TURN; i++) {
      const r = steps.next();
      if (r.done) return this.exited(c, 0);
      const step = r.value;
      if (step.kind === "output")
        this.host.logs.write(this.rt.uid, c.spec.name, step.stream, step.text, this.now);
      else if (step.kind === "logBlock") this.host.logs.writeBlock(this.rt.uid, c.spec.name, step, this.now);
      else if (step.kind === "exit") return this.exited(c, step.code);
      else if (step.kind === "allocate") {
        if (overMemoryLimit(c, step.bytes))
          return this.exited(c, LIFECYCLE.sigkillExitCode, REASON.oomKilled);
      } else if (step.seconds === Infinity) return;
      else if (step.seconds > 0) return this.later(step.seconds * 1000, "process", () => this.play(c), c);
    }
    this.later(1, "process", () => this.play(c), c);
  }

  /** A container instance ended: record it, then restart, back off or finish the pod. */
  exited(c: ContainerRuntime, exitCode: number, reason?: string, message?: string): void {
    cancelTimers(c);
    stopProbes(c);
    c.steps = undefined;
    this.host.logs.close(this.rt.uid, c.spec.name, this.now);
    const startedAt = c.running?.startedAt ?? this.now;
    const text = message ?? terminationMessage(c, exitCode, this.host.logs, this.rt.uid);
    c.terminated = {
      exitCode,
      reason: reason ?? (exitCode === 0 ? REASON.completed : REASON.error),
      ...(text ? { message: text } : {}),
      startedAt,
      finishedAt: this.now,
      containerID: c.containerID ?? "",
    };
    c.running = undefined;
    c.waiting = undefined;
    c.ready = c.kind === "init" && exitCode === 0;
    c.started = false;
    c.phase = "exited";
    this.trace(`container ${c.spec.name} exited with code ${exitCode}`, []);
    if (this.rt.terminating) return this.terminationProgress();
    if (c.specChanged) return restartChanged(this, c);
    if (!this.shouldRestart(c, exitCode)) {
      this.writeStatus();
      return this.sync();
    }
    this.restart(c);
  }

  private shouldRestart(c: ContainerRuntime, exitCode: number): boolean {
    const policy = this.pod()?.spec?.restartPolicy ?? "Always";
    if (c.kind === "sidecar") return true;
    if (c.kind === "init") return exitCode !== 0 && policy !== "Never";
    return policy === "Always" || (policy === "OnFailure" && exitCode !== 0);
  }

  /** doBackOff: restart at once the first time, else wait out CrashLoopBackOff. */
  private restart(c: ContainerRuntime): void {
    const key = `${this.rt.uid}/${c.spec.name}`;
    const backoff = this.host.containerBackoff;
    const finishedAt = c.terminated?.finishedAt ?? this.now;
    this.writeStatus();
    if (!backoff.isInBackOffSince(key, finishedAt, this.now)) {
      backoff.next(key, finishedAt);
      c.phase = "idle";
      return this.sync();
    }
    const pod = `${this.rt.name}_${this.rt.namespace}(${this.rt.uid})`;
    this.warn("BackOff", `Back-off restarting failed container ${c.spec.name} in pod ${pod}`);
    c.last = c.terminated;
    c.terminated = undefined;
    const delay = goMs(backoff.get(key));
    c.waiting = {
      reason: REASON.crashLoopBackOff,
      message: `back-off ${delay} restarting failed container=${c.spec.name} pod=${pod}`,
    };
    this.writeStatus();
    this.at(c, backoff.until(key, finishedAt), "crash loop back-off", () => {
      backoff.next(key, finishedAt);
      c.phase = "idle";
      this.sync();
    });
  }

  /** A finished pod tears its sandbox down (sidecars stop, the IP goes back to the pool). */
  private checkCompleted(): void {
    const pod = this.pod();
    if (!pod || this.rt.sandboxGone || !initialized(this.rt)) return;
    const phase = podPhase(pod, this.rt);
    if (phase !== "Succeeded" && phase !== "Failed") return;
    for (const c of this.rt.containers)
      if (c.kind === "sidecar" && c.phase === "running") this.stopContainer(c, 0);
    this.rt.sandboxGone = true;
    if (this.rt.podIP) this.host.ipam(this.rt.nodeName).release(this.rt.podIP);
    this.trace(`all containers finished: pod ${phase}`, ["stopped pod sandbox"]);
    this.writeStatus();
  }

  /** Sends the stop signal: servers exit promptly, other PID 1s are killed after `graceSeconds`. */
  stopContainer(c: ContainerRuntime, graceSeconds: number): void {
    if (c.phase !== "running" || c.stopping) return;
    c.stopping = true;
    cancelTimers(c);
    stopProbes(c);
    c.steps = undefined;
    const handlesSigterm = c.process?.program.kind === "server";
    const delay = handlesSigterm
      ? Math.min(LIFECYCLE.sigtermExitMs, graceSeconds * 1000)
      : graceSeconds * 1000;
    this.later(
      delay,
      "container stop",
      () => this.exited(c, handlesSigterm ? 0 : LIFECYCLE.sigkillExitCode),
      c,
    );
  }

  /** The pod got a deletionTimestamp: stop everything, then remove the pod. */
  terminate(graceSeconds: number): void {
    if (this.rt.terminating) return;
    this.rt.terminating = true;
    for (const t of this.rt.timers) t.cancel();
    this.rt.timers = [];
    for (const c of this.rt.containers) {
      if (c.phase === "running") {
        this.normal("Killing", `Stopping container ${c.spec.name}`);
        this.stopContainer(c, graceSeconds);
      } else if (c.phase === "starting" || c.phase === "idle" || c.phase === "blocked") {
        cancelTimers(c);
        c.phase = "exited";
      }
    }
    this.trace(`pod is being deleted (grace period ${graceSeconds}s)`, [
      "sent SIGTERM to running containers",
    ]);
    this.terminationProgress();
  }

  private terminationProgress(): void {
    if (this.rt.containers.some((c) => c.phase === "running")) return this.writeStatus();
    // The status manager deletes the pod once PLEG has seen its last container stop.
    const untilRelist = msUntilRelist(this.now);
    if (untilRelist > 0) return this.later(untilRelist, "relist", () => this.terminationProgress());
    if (!this.connected()) {
      this.stale = true;
      return;
    }
    if (this.rt.podIP && !this.rt.sandboxGone) this.host.ipam(this.rt.nodeName).release(this.rt.podIP);
    this.rt.sandboxGone = true;
    const pod = this.pod();
    if (!pod) return;
    this.flushStatus();
    try {
      this.host.ctx.api.delete("Pod", this.rt.namespace, this.rt.name, { gracePeriodSeconds: 0 });
      this.trace("all containers stopped", [`deleted pod ${this.rt.name}`]);
    } catch {
      // Already gone: nothing left to do.
    }
  }

  /** Cancels everything this worker has scheduled (the pod is gone). */
  stop(): void {
    this.rt.statusWrite?.cancel();
    for (const t of this.rt.timers) t.cancel();
    for (const c of this.rt.containers) {
      cancelTimers(c);
      stopProbes(c);
    }
    if (this.rt.podIP && !this.rt.sandboxGone) this.host.ipam(this.rt.nodeName).release(this.rt.podIP);
    this.rt.sandboxGone = true;
  }

  /**
   * Asks for a status write reflecting a container change. The real kubelet learns of such
   * changes when PLEG relists the runtime (every second), so the write happens at the next
   * relist, and several changes within the second share one write.
   */
  writeStatus(): void {
    this.scheduleStatusWrite(this.now + msUntilRelist(this.now));
  }

  /**
   * Asks for a status write at the end of this instant, for what the kubelet knows without a
   * relist: a pod it has just been given, and probe results (the prober tells the status
   * manager directly).
   */
  writeStatusNow(): void {
    this.scheduleStatusWrite(this.now);
  }

  private scheduleStatusWrite(at: number): void {
    const pending = this.rt.statusWrite;
    if (pending && pending.at <= at) return;
    pending?.cancel();
    this.rt.statusWrite = this.host.ctx.clock.schedule(at, "kubelet status", () => this.flushStatus());
  }

  /** Reports held-back status and finishes a termination after the node reconnects. */
  resync(): void {
    if (!this.stale) return;
    this.stale = false;
    if (this.rt.terminating) this.terminationProgress();
    else this.writeStatus();
  }

  /** Whether the node's kubelet can reach the API server now. */
  private connected(): boolean {
    return this.host.connected(this.rt.nodeName);
  }

  private flushStatus(): void {
    this.rt.statusWrite = undefined;
    if (!this.connected()) {
      this.stale = true;
      return;
    }
    const pod = this.pod();
    if (!pod) return;
    const status = podStatus(pod, this.rt, this.now);
    try {
      // The status subresource reads only identity and status: no copy of the whole pod, and
      // the status is built for this write alone.
      this.host.ctx.api.updateStatus(
        { apiVersion: pod.apiVersion, kind: pod.kind, metadata: pod.metadata, status } as KubeObject,
        { fresh: true },
      );
    } catch (error) {
      if (!(error as StatusError).reason) throw error;
    }
  }

  /** Runs `fn` after `ms`, owned by the container (or the pod when none is given). */
  later(ms: number, label: string, fn: () => void, c?: ContainerRuntime): void {
    const handle = this.host.ctx.clock.after(ms, `kubelet ${label} ${this.rt.namespace}/${this.rt.name}`, fn);
    (c ? c.timers : this.rt.timers).push(handle);
  }

  private at(c: ContainerRuntime, when: number, label: string, fn: () => void): void {
    this.later(Math.max(0, when - this.now), label, fn, c);
  }

  normal(reason: string, message: string): void {
    if (!this.connected()) return;
    const pod = this.pod();
    if (pod) this.host.ctx.events.normal(this.source(), pod as KubeObject, reason, message);
  }

  warn(reason: string, message: string): void {
    if (!this.connected()) return;
    const pod = this.pod();
    if (pod) this.host.ctx.events.warning(this.source(), pod as KubeObject, reason, message);
  }

  private source(): { component: string; host: string } {
    return { component: "kubelet", host: this.rt.nodeName };
  }

  trace(observed: string, actions: string[]): void {
    const pod = this.pod();
    if (!pod) return;
    this.host.ctx.trace.record({
      component: "kubelet",
      object: refOf(pod as KubeObject),
      observed: `${this.rt.nodeName}: ${observed}`,
      actions,
    });
  }
}

/** Whether `bytes` exceed the container's memory limit (the cgroup the kernel enforces). */
function overMemoryLimit(c: ContainerRuntime, bytes: number): boolean {
  const limit = c.spec.resources?.limits?.memory;
  return limit !== undefined && bytes > parseQuantityValue(limit).value();
}

/** The generic PLEG's relist period (genericPlegRelistPeriod): one second, on the second. */
const RELIST_PERIOD_MS = 1000;

/** Milliseconds from `now` to the next relist (0 when one happens at this instant). */
function msUntilRelist(now: number): number {
  const into = now % RELIST_PERIOD_MS;
  return into === 0 ? 0 : RELIST_PERIOD_MS - into;
}

/** A container ID: 64 hex digits from the seeded generator. */
function hex64(random: { nextUint32(): number }): string {
  let out = "";
  for (let i = 0; i < 8; i++) out += random.nextUint32().toString(16).padStart(8, "0");
  return out;
}
