/**
 * Fills a kubectl transcript's expected output from the engine: `npx tsx scripts/record-transcript.ts FILE`.
 * Review the result against real kubectl before committing: a golden is only as true as its review.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseTranscript, replayTranscript } from "../src/testing/transcript";

const file = process.argv[2];
if (!file) throw new Error("usage: record-transcript FILE");
const text = readFileSync(file, "utf8");
const { seed, nodes, steps } = parseTranscript(text);
const { actual } = replayTranscript(text);
const blocks = actual.split(/^(?=\$ kubectl|@ advance |@ follow )/m);
const out = [`# cluster: seed=${seed} nodes=${nodes}`];
blocks.forEach((block, i) => {
  const [head, ...rest] = block.split("\n");
  out.push(head);
  const stdin = steps[i]?.stdin;
  if (stdin)
    out.push(
      ...stdin
        .replace(/\n$/, "")
        .split("\n")
        .map((l) => (l ? `< ${l}` : "<")),
    );
  out.push(
    ...rest
      .join("\n")
      .replace(/\n$/, "")
      .split("\n")
      .filter((l, j, all) => !(l === "" && j === all.length - 1)),
  );
});
writeFileSync(file, `${out.join("\n").replace(/\n+$/, "")}\n`);
console.log(`recorded ${steps.length} steps into ${file}`);
