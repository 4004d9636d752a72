import { describe, expect, it } from "vitest";
import { LogStore } from "./logStore";

function store(): LogStore {
  const logs = new LogStore();
  logs.open("uid", "app", "c1");
  return logs;
}

const texts = (logs: LogStore) => logs.read("uid", "app", "c1")?.map((l) => [l.text, l.partial ?? false]);

describe("LogStore", () => {
  it("keeps whole lines, stamped when written", () => {
    const logs = store();
    logs.write("uid", "app", "stdout", "one\n", 1000);
    logs.write("uid", "app", "stdout", "two\nthree\n", 2000);
    expect(logs.read("uid", "app", "c1")?.map((l) => [l.text, l.time])).toEqual([
      ["one", 1000],
      ["two", 2000],
      ["three", 2000],
    ]);
  });

  it("joins text written without a newline to what follows, and ignores empty writes", () => {
    const logs = store();
    logs.write("uid", "app", "stdout", "", 1000);
    logs.write("uid", "app", "stdout", "hel", 1000);
    expect(texts(logs)).toEqual([["hel", true]]);
    logs.write("uid", "app", "stdout", "lo\n", 2000);
    logs.write("uid", "app", "stdout", "\n", 3000);
    expect(texts(logs)).toEqual([
      ["hello", false],
      ["", false],
    ]);
  });

  it("flushes a last line without a newline when the process exits", () => {
    const logs = store();
    logs.write("uid", "app", "stderr", "bye", 1000);
    logs.close("uid", "app", 2000);
    expect(texts(logs)).toEqual([["bye", false]]);
  });

  it("remembers which stream each line came from, also once old lines are dropped", () => {
    const logs = store();
    for (let i = 0; i < 10_005; i++) logs.write("uid", "app", i % 2 ? "stderr" : "stdout", `line ${i}\n`, i);
    const lines = logs.read("uid", "app", "c1") ?? [];
    expect(lines).toHaveLength(10_000);
    expect(lines[0]).toEqual({ time: 5, stream: "stderr", text: "line 5" });
    expect(lines[1]).toEqual({ time: 6, stream: "stdout", text: "line 6" });
    expect(lines.at(-1)).toEqual({ time: 10_004, stream: "stdout", text: "line 10004" });
  });

  it("fills in a block of template lines when read, in order with what was written after it", () => {
    const logs = store();
    let filled = 0;
    const fill = (text: string) => {
      filled++;
      return text.replace("{who}", "nginx");
    };
    const lines = [
      { stream: "stdout" as const, text: "{who} starting" },
      { stream: "stderr" as const, text: "{who} ready" },
    ];
    logs.writeBlock("uid", "app", { lines, fill }, 1000);
    logs.close("uid", "app", 1500);
    expect(filled).toBe(0);
    logs.write("uid", "app", "stdout", "GET /\n", 2000);
    expect(logs.read("uid", "app", "c1")).toEqual([
      { time: 1000, stream: "stdout", text: "nginx starting" },
      { time: 1000, stream: "stderr", text: "nginx ready" },
      { time: 2000, stream: "stdout", text: "GET /" },
    ]);
    expect(filled).toBe(2);
  });
});
