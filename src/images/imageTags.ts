/** Tag resolution and digests for the simulated registries. */
import type { TagSet } from "./catalogTypes";

/**
 * The concrete tag a requested tag names ("1.25-alpine" → "1.25.5-alpine", "stable" →
 * "1.26.3"), or null when the repository has no such tag. Minor and major aliases ("1.25",
 * "1") name the newest matching version, as Docker Official Images do.
 */
export function resolveTag(tags: TagSet, requested: string): { tag: string; version: string } | null {
  const variants = [...tags.variants].sort((a, b) => b.length - a.length);
  let base = requested;
  let variant = "";
  for (const v of variants) {
    if (requested === v) [base, variant] = ["latest", v];
    else if (requested.endsWith(`-${v}`)) [base, variant] = [requested.slice(0, -v.length - 1), v];
    if (variant) break;
  }
  const version = versionFor(tags, base);
  if (version === null) return null;
  return { tag: variant ? `${version}-${variant}` : version, version };
}

function versionFor(tags: TagSet, base: string): string | null {
  if (tags.versions.includes(base)) return base;
  if (base in tags.aliases) return tags.aliases[base];
  if (!/^[0-9]+(\.[0-9]+)?$/.test(base)) return null;
  const matching = tags.versions.filter((v) => v.startsWith(`${base}.`));
  return matching.length > 0 ? matching[matching.length - 1] : null;
}

/**
 * A stable fake manifest digest for repository:tag ("sha256:" + 64 hex): the same image
 * always has the same digest, aliases included, with no randomness.
 */
export function fakeDigest(repository: string, tag: string): string {
  const input = `${repository}:${tag}`;
  let hex = "";
  for (let round = 0; hex.length < 64; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < input.length; i++) {
      h ^= input.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995);
    h ^= h >>> 15;
    hex += (h >>> 0).toString(16).padStart(8, "0");
  }
  return `sha256:${hex}`;
}
