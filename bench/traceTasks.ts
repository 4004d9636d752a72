import type { CDPSession } from "playwright-core";

/** One Chrome trace event (the fields the bench reads). Times are in microseconds. */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  id?: string;
  args?: {
    name?: string;
    data?: ProfileData & { functionName?: string; url?: string; lineNumber?: number; type?: string };
  };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string; lineNumber?: number };
}

interface ProfileData {
  startTime?: number;
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
}

/** The main thread's top-level tasks while `run` ran, and every event recorded on that thread. */
export interface MainThreadTrace {
  tasks: TraceEvent[];
  events: TraceEvent[];
  /** CPU profiler samples on the main thread (with BENCH_TRACE only): when, and the stack, innermost first. */
  samples: { ts: number; stack: string[] }[];
}

/** The V8 sampling profiler's samples for one thread, rebuilt from its Profile/ProfileChunk events. */
function profileSamples(events: TraceEvent[], pid?: number, tid?: number): MainThreadTrace["samples"] {
  const profile = events.find((e) => e.name === "Profile" && e.pid === pid && e.tid === tid);
  if (!profile) return [];
  const nodes = new Map<number, ProfileNode>();
  const samples: MainThreadTrace["samples"] = [];
  let ts = profile.args?.data?.startTime ?? 0;
  for (const chunk of events.filter((e) => e.name === "ProfileChunk" && e.id === profile.id)) {
    const data = chunk.args?.data;
    for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const ids = data?.cpuProfile?.samples ?? [];
    ids.forEach((id, i) => {
      ts += data?.timeDeltas?.[i] ?? 0;
      const stack: string[] = [];
      for (let n = nodes.get(id); n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
        const file = (n.callFrame.url ?? "").split("/").pop();
        stack.push(`${n.callFrame.functionName || "(anonymous)"} ${file}:${n.callFrame.lineNumber}`);
      }
      samples.push({ ts, stack });
    });
  }
  return samples;
}

/**
 * Records a Chrome trace while `run` runs and returns the renderer main thread's events.
 * Thread time (`tdur`) is what the bench reports: other processes competing for the cores do
 * not inflate it the way they inflate wall time.
 */
export async function traceMainThread(cdp: CDPSession, run: () => Promise<void>): Promise<MainThreadTrace> {
  const events: TraceEvent[] = [];
  // The protocol types trace events as string records; they are JSON objects with numbers too.
  const collect = (data: { value: object[] }) => events.push(...(data.value as TraceEvent[]));
  cdp.on("Tracing.dataCollected", collect);
  const complete = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
  await cdp.send("Tracing.start", {
    // The sampling profiler only when asked: it costs the page time of its own.
    categories: `devtools.timeline,disabled-by-default-devtools.timeline,v8${
      process.env.BENCH_TRACE ? ",disabled-by-default-v8.cpu_profiler" : ""
    }`,
    transferMode: "ReportEvents",
  });
  try {
    await run();
  } finally {
    await cdp.send("Tracing.end");
    await complete;
    cdp.off("Tracing.dataCollected", collect);
  }
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const onMain = events.filter((e) => e.pid === main?.pid && e.tid === main?.tid && e.ph === "X");
  return {
    tasks: onMain.filter((e) => e.name === "RunTask"),
    events: onMain,
    samples: profileSamples(events, main?.pid, main?.tid),
  };
}

/** Each task's CPU (thread) time in ms. */
export function taskCpuMs(trace: MainThreadTrace): number[] {
  return trace.tasks.map((e) => (e.tdur ?? 0) / 1000);
}

function label(event: TraceEvent): string {
  const data = event.args?.data;
  if (event.name === "FunctionCall" && data) {
    const file = (data.url ?? "").split("/").pop();
    return `FunctionCall ${data.functionName || "(anonymous)"} ${file}:${data.lineNumber ?? "?"}`;
  }
  if (event.name === "EventDispatch" && data?.type) return `EventDispatch ${data.type}`;
  return event.name;
}

/**
 * What the `count` longest tasks (by CPU time) spent their time on: the events nested directly
 * inside each, largest first, as printable lines (for `BENCH_TRACE=1`).
 */
export function describeLongestTasks(trace: MainThreadTrace, count: number): string[] {
  const longest = [...trace.tasks].sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0)).slice(0, count);
  const lines: string[] = [];
  for (const task of longest) {
    const end = task.ts + (task.dur ?? 0);
    const inside = trace.events.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end);
    // Direct children only: events not nested in another event inside the task.
    const top = inside.filter(
      (e) =>
        !inside.some(
          (o) =>
            o !== e &&
            o.ts <= e.ts &&
            o.ts + (o.dur ?? 0) >= e.ts + (e.dur ?? 0) &&
            (o.dur ?? 0) > (e.dur ?? 0),
        ),
    );
    lines.push(`task ${ms(task.dur)} wall, ${ms(task.tdur)} CPU`);
    const samples = trace.samples.filter((s) => s.ts >= task.ts && s.ts <= end);
    if (samples.length > 0) {
      lines.push(`  self: ${topCounts(samples.map((s) => [s.stack[0]]))}`);
      lines.push(`  inclusive: ${topCounts(samples.map((s) => [...new Set(s.stack)]))}`);
    }
    for (const e of top.sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, 6)) {
      const nested = inside
        .filter(
          (o) =>
            o !== e && o.ts >= e.ts && o.ts + (o.dur ?? 0) <= e.ts + (e.dur ?? 0) && (o.dur ?? 0) >= 1000,
        )
        .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
        .slice(0, 5)
        .map((o) => `${label(o)} ${ms(o.dur)}`);
      lines.push(
        `  ${label(e)} ${ms(e.dur)} wall, ${ms(e.tdur)} CPU${nested.length ? ` [${nested.join("; ")}]` : ""}`,
      );
    }
  }
  return lines;
}

/**
 * Where the main thread's time went inside every task of at least `minCpuMs` CPU: profiler
 * samples counted per function, self and inclusive (for `BENCH_TRACE=1`).
 */
export function describeBusyTasks(trace: MainThreadTrace, minCpuMs: number): string[] {
  const busy = trace.tasks.filter((t) => (t.tdur ?? 0) >= minCpuMs * 1000);
  const samples = trace.samples.filter((s) => busy.some((t) => s.ts >= t.ts && s.ts <= t.ts + (t.dur ?? 0)));
  return [
    `${busy.length} tasks of ${minCpuMs}+ ms CPU, ${samples.length} samples`,
    `  self: ${topCounts(
      samples.map((s) => [s.stack[0]]),
      25,
    )}`,
    `  inclusive: ${topCounts(
      samples.map((s) => [...new Set(s.stack)]),
      60,
    )}`,
  ];
}

/** The most frequent names over the samples, as "name ×count" (a sample is about 0.1 ms). */
function topCounts(samples: string[][], top = 14): string {
  const counts = new Map<string, number>();
  for (const names of samples) for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, n]) => `${name} ×${n}`)
    .join(top > 14 ? "\n      " : "; ");
}

function ms(us: number | undefined): string {
  return `${((us ?? 0) / 1000).toFixed(1)} ms`;
}
