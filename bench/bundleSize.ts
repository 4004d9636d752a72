import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/**
 * The JS that index.html loads before any lazy chunk: its entry module and modulepreloads.
 * Returns gzip sizes in bytes; requires a fresh `npm run build`.
 */
export function initialJsGzip(distDir = "dist"): { files: { file: string; gzip: number }[]; total: number } {
  const html = readFileSync(join(distDir, "index.html"), "utf8");
  const refs = [
    ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g),
  ].map((m) => m[1]);
  const files = refs.map((ref) => {
    const gzip = gzipSync(readFileSync(join(distDir, ref.replace(/^\//, "")))).length;
    return { file: ref, gzip };
  });
  return { files, total: files.reduce((sum, f) => sum + f.gzip, 0) };
}
