import { encodeWorkLink } from "../app/permalink/codec";
import { TYPICAL_WORK } from "../app/permalink/fixtures";

/** Characters in the permalink hash of a typical lesson state (a 40-line manifest and five commands). */
export function typicalPermalinkChars(): number {
  return encodeWorkLink(TYPICAL_WORK).length;
}
