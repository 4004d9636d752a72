import { describe, expect, it } from "vitest";
import { DEFAULT_NODES, DEFAULT_SEED, DEFAULT_START } from "../../src";
import { FRESH } from "./startup";

describe("a fresh playground", () => {
  it("uses the engine's own defaults", () => {
    expect(FRESH).toEqual({ seed: DEFAULT_SEED, nodes: DEFAULT_NODES, start: DEFAULT_START });
  });
});
