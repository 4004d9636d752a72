import type { SeededRandom } from "../util/random";
import { allocateIndex, rangeOffset } from "./rangeAllocator";

/** kube-apiserver --service-node-port-range default. */
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;
export const NODE_PORT_RANGE = `${NODE_PORT_MIN}-${NODE_PORT_MAX}`;

const SIZE = NODE_PORT_MAX - NODE_PORT_MIN + 1;
/** min(max(16, size/32), 128): 86, so dynamic ports start at 30086. */
const OFFSET = rangeOffset(SIZE, 16, 128, 32);

/** Why a requested nodePort cannot be had (portallocator's errors). */
export function nodePortRefusal(port: number, allocated: ReadonlySet<number>): string | undefined {
  if (port < NODE_PORT_MIN || port > NODE_PORT_MAX) {
    return `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE}`;
  }
  return allocated.has(port) ? "provided port is already allocated" : undefined;
}

/** A random free nodePort, preferring the upper band; undefined when all 2768 are taken. */
export function allocateNodePort(allocated: ReadonlySet<number>, random: SeededRandom): number | undefined {
  const index = allocateIndex(SIZE, OFFSET, (i) => allocated.has(NODE_PORT_MIN + i), random);
  return index === undefined ? undefined : NODE_PORT_MIN + index;
}
