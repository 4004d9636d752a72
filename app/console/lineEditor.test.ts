import { describe, expect, it } from "vitest";
import {
  deleteBack,
  deleteForward,
  deleteWordBack,
  EMPTY_LINE,
  insert,
  killToEnd,
  killToStart,
  move,
  moveTo,
  recall,
  renderLine,
  replaceBeforeCursor,
} from "./lineEditor";

describe("console line editing", () => {
  it("insert at the cursor, and delete before and under it", () => {
    let s = insert(EMPTY_LINE, "kubectl get pod");
    s = move(s, -3);
    s = insert(s, "x");
    expect(s).toMatchObject({ buffer: "kubectl get xpod", cursor: 13 });
    s = deleteBack(s);
    expect(s.buffer).toBe("kubectl get pod");
    s = deleteForward(moveTo(s, "start"));
    expect(s).toMatchObject({ buffer: "ubectl get pod", cursor: 0 });
    expect(deleteBack(s)).toBe(s);
  });

  it("drop control characters from pasted text", () => {
    expect(insert(EMPTY_LINE, "get\tpods\x1b").buffer).toBe("getpods");
  });

  it("kill words and line halves as readline does", () => {
    const s = insert(EMPTY_LINE, "kubectl get pods  ");
    expect(deleteWordBack(s)).toMatchObject({ buffer: "kubectl get ", cursor: 12 });
    const mid = move(s, -10);
    expect(killToStart(mid)).toMatchObject({ buffer: "get pods  ", cursor: 0 });
    expect(killToEnd(mid)).toMatchObject({ buffer: "kubectl ", cursor: 8 });
  });

  it("recall history with up and down and come back to the half-typed line", () => {
    const history = ["kubectl get pods", "kubectl get deploy"];
    let s = insert(EMPTY_LINE, "kub");
    s = recall(s, history, -1);
    expect(s.buffer).toBe("kubectl get deploy");
    s = recall(s, history, -1);
    expect(s.buffer).toBe("kubectl get pods");
    expect(recall(s, history, -1)).toBe(s);
    s = recall(recall(s, history, 1), history, 1);
    expect(s).toMatchObject({ buffer: "kub", cursor: 3, recall: undefined });
    expect(recall(EMPTY_LINE, [], -1)).toBe(EMPTY_LINE);
  });

  it("replace the word being completed and redraw with the cursor in place", () => {
    const s = replaceBeforeCursor(move(insert(EMPTY_LINE, "kubectl get depl -A"), -3), 12, "deployments ");
    expect(s).toMatchObject({ buffer: "kubectl get deployments  -A", cursor: 24 });
    expect(renderLine("$ ", s)).toBe("\r\x1b[2K$ kubectl get deployments  -A\x1b[3D");
    expect(renderLine("$ ", EMPTY_LINE)).toBe("\r\x1b[2K$ ");
  });
});
