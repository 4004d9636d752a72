/**
 * The simulation worker (a module worker): hosts the Cluster behind the protocol in protocol.ts.
 * All logic lives in SimHost so it can be tested in Node; this file only binds it to the worker scope.
 */
import type { RequestEnvelope } from "./protocol";
import { SimHost } from "./simHost";

const scope = self as unknown as DedicatedWorkerGlobalScope;

const host = new SimHost({
  post: (message) => scope.postMessage(message),
  now: () => performance.now(),
  setTimer: (run, ms) => setTimeout(run, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});

scope.onmessage = (event: MessageEvent<RequestEnvelope>) => host.receive(event.data);
