/**
 * The main thread's side of a 1,000-pod rollout, in Node: the watch batches the worker would
 * send (made by the engine first, posted in pieces as the worker posts them and serialized as
 * structured clone does, Events left out as the worker leaves them out), then fed through the mirror, the view's history, the model builder and the
 * layout as the bridge applies them. Run by
 * `uiSurvival.ts` in a child Node with GC tracing; it prints markers around the rollout so that
 * only the UI's scavenges during the rollout are counted, not the engine's.
 */
import { createCluster } from "../src";
import { deserialize, serialize } from "node:v8";
import { ClusterMirror } from "../app/sim/mirror";
import { splitBatch } from "../app/sim/batchChunks";
import { MESSAGE_EVENTS } from "../app/sim/simHost";
import type { Batch } from "../app/sim/protocol";
import { type WireEvent, WireEncoder } from "../app/sim/wireEvents";
import { ViewHistory } from "../app/view/history";
import { Layouter } from "../app/view/layout";
import { ModelBuilder } from "../app/view/modelBuilder";
import { FRAME_EVENTS } from "../app/sim/bridge";
import { ROLLOUT_END, ROLLOUT_START } from "./uiSurvival";

const PODS = 1000;
/** Engine steps per batch: about what one frame of play at max speed carries. */
const STEPS_PER_BATCH = 10;

const cluster = createCluster({ seed: 7, nodes: 10, start: "2026-01-05T10:00:00Z" });
for (let i = 0; i < PODS; i++) cluster.kubectl(`create configmap settings-${i} --from-literal=mode=fast`);
const encoder = new WireEncoder();
let events: WireEvent[] = [];
let traces: Batch["traces"] = [];
let resourceVersion = 0;
// As the worker streams them (simHost.ts): Events stay behind, the resourceVersion moves on.
cluster.watch(0, (event) => {
  const wire = encoder.encode(event);
  if (wire) events.push(wire);
  resourceVersion = event.resourceVersion;
});
cluster.onTrace((record) => traces.push(record));
/** Each batch's pieces as the worker posts them, serialized as structured clone does. */
const wire: Buffer[][] = [];
const cut = () => {
  const batch: Batch = {
    events,
    traces,
    inputs: [],
    clock: { now: cluster.now(), playing: true, speed: "max" },
    resourceVersion,
  };
  wire.push(splitBatch(batch, MESSAGE_EVENTS).map((piece) => serialize(piece)));
  events = [];
  traces = [];
};
const settled = () => {
  const pods = cluster.snapshot().filter((o) => o.kind === "Pod").length;
  const status = cluster.snapshot().find((o) => o.kind === "Deployment")?.status as
    | { updatedReplicas?: number; readyReplicas?: number; replicas?: number }
    | undefined;
  return (
    pods === PODS &&
    status?.updatedReplicas === PODS &&
    status.readyReplicas === PODS &&
    status.replicas === PODS
  );
};
const play = () => {
  for (let n = 1; cluster.step(); n++) {
    if (n % STEPS_PER_BATCH === 0) cut();
    if (n % (STEPS_PER_BATCH * 20) === 0 && settled()) break;
  }
  cut();
};
cluster.kubectl(`create deployment big --image=nginx --replicas=${PODS}`);
play();
const rolloutFrom = wire.length;
cluster.kubectl("set image deployment/big nginx=nginx:1.25");
play();

const mirror = new ClusterMirror();
const history = new ViewHistory();
const builder = new ModelBuilder();
const layouter = new Layouter();
let recorded = 0;
let built = -1;
/** One frame: pieces of at most FRAME_EVENTS events in all, applied together as the bridge does. */
const frame = (pieces: Batch[]) => {
  mirror.apply(pieces);
  const state = mirror.get();
  history.record(state.objects, mirror.changesSince(recorded), pieces[0].clock.now, state.resourceVersion);
  recorded = state.version;
  const model = builder.update(state.objects, built < 0 ? undefined : mirror.changesSince(built));
  built = state.version;
  layouter.layout(model);
};
const take = (messages: Buffer[]) => {
  let pieces: Batch[] = [];
  let events = 0;
  for (const message of messages) {
    const piece: Batch = deserialize(message);
    if (pieces.length > 0 && events + piece.events.length > FRAME_EVENTS) {
      frame(pieces);
      pieces = [];
      events = 0;
    }
    pieces.push(piece);
    events += piece.events.length;
  }
  if (pieces.length > 0) frame(pieces);
};
for (let i = 0; i < rolloutFrom; i++) take(wire[i]);
(globalThis as { gc?: () => void }).gc?.();
console.log(ROLLOUT_START);
for (let i = rolloutFrom; i < wire.length; i++) take(wire[i]);
console.log(ROLLOUT_END);
