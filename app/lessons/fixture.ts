/** For tests only (Node): the fixture lesson in tests/e2e/fixtures, as Vite's glob names its files. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const fixtureDir = new URL("../../tests/e2e/fixtures/lessons/00-fixture/", import.meta.url).pathname;

/** `/lessons/00-fixture/<file>` → text. */
export function fixtureTexts(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(fixtureDir).map((f) => [
      `/lessons/00-fixture/${f}`,
      readFileSync(join(fixtureDir, f), "utf8"),
    ]),
  );
}
