import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { replayTranscript } from "../testing/transcript";

/** Every `transcripts/*.txt` is a kubectl session that must replay byte for byte. */
const dir = join(new URL(".", import.meta.url).pathname, "transcripts");
const files = readdirSync(dir).filter((f) => f.endsWith(".txt"));

describe("kubectl transcripts", () => {
  it("exist", () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    it(`${file} replays exactly`, () => {
      const { expected, actual } = replayTranscript(readFileSync(join(dir, file), "utf8"));
      expect(actual).toBe(expected);
    });
  }
});
