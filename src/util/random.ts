/**
 * The engine's only source of randomness: a seeded generator (sfc32), so the same seed and
 * the same inputs produce the same names and UIDs, which is what makes permalinks replay exactly.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 spreads a small integer seed over the four words of state.
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A uniformly distributed 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A string of `length` characters drawn from `alphabet`. */
  string(alphabet: string, length: number): string {
    let out = "";
    for (let i = 0; i < length; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }

  /** A version-4 UUID, as the API server assigns to metadata.uid. */
  uuid(): string {
    const a = this.nextUint32();
    const b = this.nextUint32();
    const c = this.nextUint32();
    const d = this.nextUint32();
    // Version nibble 4; variant bits 10 over the top nibble of the third word.
    const nibbles = UUID_NIBBLES;
    for (let i = 0; i < 8; i++) nibbles[i] = (a >>> (28 - 4 * i)) & 0xf;
    for (let i = 0; i < 4; i++) nibbles[8 + i] = (b >>> (28 - 4 * i)) & 0xf;
    nibbles[12] = 4;
    for (let i = 0; i < 3; i++) nibbles[13 + i] = (b >>> (8 - 4 * i)) & 0xf;
    nibbles[16] = ((c >>> 28) & 0x3) | 0x8;
    for (let i = 0; i < 7; i++) nibbles[17 + i] = (c >>> (24 - 4 * i)) & 0xf;
    for (let i = 0; i < 8; i++) nibbles[24 + i] = (d >>> (28 - 4 * i)) & 0xf;
    const codes = UUID_CODES;
    for (let i = 0, j = 0; i < 32; i++, j++) {
      if (i === 8 || i === 12 || i === 16 || i === 20) codes[j++] = 45; // "-"
      codes[j] = HEX_CODES[nibbles[i]];
    }
    // One flat string, rather than a rope of twenty pieces for every object created.
    return String.fromCharCode.apply(null, codes as unknown as number[]);
  }
}

const UUID_NIBBLES = new Uint8Array(32);
const UUID_CODES = new Uint16Array(36);
const HEX_CODES = Array.from("0123456789abcdef", (ch) => ch.charCodeAt(0));

/**
 * The alphabet of k8s.io/apimachinery/pkg/util/rand.String: consonants and digits without
 * vowels or look-alikes, so generated names never spell words.
 */
export const NAME_SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/** The 5-character suffix the API server appends to `generateName`. */
export function generateNameSuffix(random: SeededRandom): string {
  return random.string(NAME_SUFFIX_ALPHABET, 5);
}
