import { deflateSync, Inflate, strFromU8, strToU8 } from "fflate";
import { fromBase64Url, toBase64Url } from "./base64url";
import { fromWire, toWire } from "./wire";
import { type Work, WorkError } from "./work";

/** Every permalink's hash starts with this; the version and payload follow: `#/s/1.<base64url>`. */
export const LINK_PREFIX = "#/s/";
/** The version new links are written in. */
export const CURRENT_VERSION = 2;
/** Caps on what a link may hold: its length, and its size once inflated (a zip bomb stops here). */
export const MAX_LINK_CHARS = 400_000;
export const MAX_INFLATED_BYTES = 2_000_000;

/** One decoder per version that ever shipped; old links keep opening. Add a version beside these, never instead. */
const decoders: Record<number, (json: string) => Work> = {
  1: (json) => fromWire(json, 1),
  2: (json) => fromWire(json, 2),
};

/** Encodes work as the hash of a permalink (`#/s/2.…`): versioned, deflated, base64url. */
export function encodeWorkLink(work: Work): string {
  const bytes = deflateSync(strToU8(toWire(work)), { level: 9 });
  return `${LINK_PREFIX}${CURRENT_VERSION}.${toBase64Url(bytes)}`;
}

/** Whether a location hash is a permalink at all (valid or not). */
export function isWorkLink(hash: string): boolean {
  return hash.startsWith(LINK_PREFIX);
}

/**
 * Decodes a permalink hash into validated Work. Throws WorkError: "corrupt" (truncated,
 * tampered, not decodable), "newer" (a version this build does not know), "tooLarge", "invalid".
 * Nothing in a link is ever executed; its text reaches only the validator and the simulator.
 */
export function decodeWorkLink(hash: string): Work {
  if (hash.length > MAX_LINK_CHARS) throw new WorkError("tooLarge", `link of ${hash.length} characters`);
  const match = /^#\/s\/(\d{1,4})\.([A-Za-z0-9_-]+)$/.exec(hash);
  if (!match) throw new WorkError("corrupt", "not of the form #/s/<version>.<data>");
  const version = Number(match[1]);
  const decode = decoders[version];
  if (!decode) {
    throw new WorkError(version > CURRENT_VERSION ? "newer" : "corrupt", `unknown version ${version}`);
  }
  const bytes = fromBase64Url(match[2]);
  if (!bytes) throw new WorkError("corrupt", "not base64url");
  return decode(inflateCapped(bytes));
}

function inflateCapped(bytes: Uint8Array): string {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > MAX_INFLATED_BYTES) throw new WorkError("tooLarge", "inflates past the cap");
    chunks.push(chunk);
  });
  try {
    inflate.push(bytes, true);
  } catch (error) {
    if (error instanceof WorkError) throw error;
    throw new WorkError("corrupt", `does not inflate: ${(error as Error).message}`);
  }
  const all = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  try {
    return strFromU8(all);
  } catch {
    throw new WorkError("corrupt", "not UTF-8");
  }
}
