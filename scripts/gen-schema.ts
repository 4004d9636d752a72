/**
 * Regenerates src/api/schema/definitions.json from the kubernetes-types package.
 * Usage: npx tsx scripts/gen-schema.ts
 * A unit test fails when the checked-in file differs from what this writes.
 */
import { writeFileSync } from "node:fs";
import { generateSchemaTable, stableStringify } from "../src/api/schema/generate";

const out = new URL("../src/api/schema/definitions.json", import.meta.url);
const json = stableStringify(generateSchemaTable()) + "\n";
writeFileSync(out, json);
console.log(`wrote ${out.pathname} (${json.length} bytes)`);
