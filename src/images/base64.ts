/**
 * busybox `base64 [-d] [-w COL] [FILE]` (coreutils/uudecode.c, libbb/uuencode.c), for the
 * classic `kubectl get secret db -o jsonpath='{.data.password}' | base64 -d`: text is encoded
 * as its UTF-8 bytes, decoded bytes are read back as UTF-8.
 */
import { err, out, type Run } from "./shellState";
import type { TextFiles } from "./textInput";

const USAGE =
  "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: base64 [-d] [-w COL] [FILE]\n\nBase64 encode or decode FILE to standard output\n\n\t-d\tDecode data\n\t-w COL\tWrap lines at COL (default 76, 0 disables)\n";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function* base64(argv: string[], stdin: string, st: TextFiles): Run {
  let decode = false;
  let columns = 76;
  const operands: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-d") decode = true;
    else if (a === "-i")
      continue; // accepted, and without effect, as in busybox
    else if (a === "-w" || /^-w\d+$/.test(a)) {
      const value = a === "-w" ? argv[++i] : a.slice(2);
      if (value === undefined || !/^\d+$/.test(value)) {
        yield err(
          value === undefined
            ? "base64: option requires an argument -- 'w'\n" + USAGE
            : `base64: invalid number '${value}'\n`,
        );
        return 1;
      }
      columns = Number(value);
    } else if (/^-./.test(a)) {
      // getopt's words, as glibc prints them (wget's options say the same).
      yield err(`base64: invalid option -- '${a[1]}'\n${USAGE}`);
      return 1;
    } else operands.push(a);
  }
  if (operands.length > 1) {
    yield err(USAGE);
    return 1;
  }
  // xfopen_stdin: a file that cannot be opened ends the applet.
  const name = operands[0] ?? "-";
  const file = name === "-" ? stdin : st.fs.read(name);
  if (typeof file !== "string") {
    yield err(`base64: can't open '${name}': ${file.error}\n`);
    return 1;
  }
  const text = file;
  if (!decode) {
    yield out(wrap(encode(new TextEncoder().encode(text)), columns));
    return 0;
  }
  const decoded = decodeBytes(text);
  yield out(new TextDecoder().decode(decoded.bytes));
  if (decoded.truncated) {
    yield err("base64: truncated input\n");
    return 1;
  }
  return 0;
}

function encode(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = [18, 12, 6, 0].map((shift) => ALPHABET[(n >> shift) & 63]);
    if (i + 1 >= bytes.length) chars[2] = "=";
    if (i + 2 >= bytes.length) chars[3] = "=";
    text += chars.join("");
  }
  return text;
}

/** Lines of `columns` characters, the last ended too; 0 wraps nothing and ends nothing. */
function wrap(encoded: string, columns: number): string {
  if (columns === 0 || encoded === "") return encoded;
  return `${encoded.match(new RegExp(`.{1,${columns}}`, "g"))?.join("\n")}\n`;
}

/**
 * decode_base64 over the whole input: characters outside the alphabet are skipped, a padded
 * group ends one run and decoding starts afresh after it, and a group left incomplete at the
 * end is "truncated input".
 */
function decodeBytes(text: string): { bytes: Uint8Array; truncated: boolean } {
  const bytes: number[] = [];
  let group: number[] = [];
  const symbols = [...text].filter((c) => ALPHABET.includes(c) || c === "=");
  for (let i = 0; i < symbols.length; i++) {
    const c = symbols[i];
    if (c === "=") {
      // Padding only as a group's fourth symbol, or third when a fourth '=' follows; else skipped.
      const pads = group.length === 3 || (group.length === 2 && symbols[i + 1] === "=");
      if (!pads) continue;
      const kept = group.length === 3 ? 2 : 1;
      const n = group.reduce((acc, v) => (acc << 6) | v, 0) << (6 * (4 - group.length));
      bytes.push(...[(n >> 16) & 255, (n >> 8) & 255].slice(0, kept));
      if (group.length === 2) i++;
      group = [];
      continue;
    }
    group.push(ALPHABET.indexOf(c));
    if (group.length === 4) {
      const n = (group[0] << 18) | (group[1] << 12) | (group[2] << 6) | group[3];
      bytes.push((n >> 16) & 255, (n >> 8) & 255, n & 255);
      group = [];
    }
  }
  return { bytes: Uint8Array.from(bytes), truncated: group.length > 0 };
}
