import type { SeededRandom } from "../util/random";

/**
 * The size of the low band of a range that dynamic allocation avoids, so that addresses
 * people pick by hand (10.96.0.10 for DNS, 30080 for a NodePort) rarely collide with ones
 * the API server chose (KEP-3070 / KEP-3668, `calculateRangeOffset` in the ipallocator
 * and portallocator packages): clamp(size / step, min, max), or 0 for tiny ranges.
 */
export function rangeOffset(size: number, min: number, max: number, step: number): number {
  if (size <= min) return 0;
  const offset = Math.floor(size / step);
  return Math.min(Math.max(offset, min), max);
}

/**
 * Picks a free index in [0, size) as the bitmap allocator's randomScanStrategyWithOffset
 * does: a random start in the upper band [offset, size), scanning forward with wrap-around;
 * only when that band is full, the same in the lower band [0, offset). Undefined when full.
 */
export function allocateIndex(
  size: number,
  offset: number,
  taken: (index: number) => boolean,
  random: SeededRandom,
): number | undefined {
  const upper = scanBand(offset, size - offset, taken, random);
  if (upper !== undefined || offset === 0) return upper;
  return scanBand(0, offset, taken, random);
}

function scanBand(
  base: number,
  length: number,
  taken: (index: number) => boolean,
  random: SeededRandom,
): number | undefined {
  if (length <= 0) return undefined;
  const start = random.int(length);
  for (let i = 0; i < length; i++) {
    const at = base + ((start + i) % length);
    if (!taken(at)) return at;
  }
  return undefined;
}
