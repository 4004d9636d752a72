import { describe, expect, it } from "vitest";
import { runsAfter, splitCommandList } from "./commandList";

describe("console command lists (&&, ||, ;)", () => {
  it("splits a line into its commands, each with the operator before it", () => {
    expect(splitCommandList("kubectl create ns shop && kubectl get ns shop")).toEqual([
      { text: "kubectl create ns shop" },
      { text: "kubectl get ns shop", after: "&&" },
    ]);
    expect(splitCommandList("k get pods || echo none; echo done;")).toEqual([
      { text: "k get pods" },
      { text: "echo none", after: "||" },
      { text: "echo done", after: ";" },
    ]);
    expect(splitCommandList("kubectl get pods")).toEqual([{ text: "kubectl get pods" }]);
  });

  it("leaves operators inside quotes, $( ) and backquotes, and pipes, to the command they are in", () => {
    expect(splitCommandList("echo 'a && b' \"c; d\" $(echo e; echo f) `echo g || h` | grep a")).toEqual([
      { text: "echo 'a && b' \"c; d\" $(echo e; echo f) `echo g || h` | grep a" },
    ]);
  });

  it("runs what follows && after a success, || after a failure, ; always", () => {
    expect([runsAfter("&&", 0), runsAfter("&&", 1)]).toEqual([true, false]);
    expect([runsAfter("||", 0), runsAfter("||", 1)]).toEqual([false, true]);
    expect([runsAfter(";", 0), runsAfter(";", 1)]).toEqual([true, true]);
  });
});
