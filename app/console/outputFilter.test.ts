import { describe, expect, it } from "vitest";
import { OutputFilter } from "./outputFilter";

const TABLE =
  "NAME    READY   STATUS\nweb-1   1/1     Running\ndb-1    0/1     Pending\nweb-2   1/1     Running\n";

describe("console pipes (COMMAND | FILTER)", () => {
  it("runs a command's whole output through grep, head, tail and wc in turn", () => {
    const filter = new OutputFilter([
      ["grep", "web"],
      ["wc", "-l"],
    ]);
    const now = filter.take(TABLE);
    expect(now.stdout + filter.end().stdout).toBe("2\n");
    const tail = new OutputFilter([["tail", "-n", "1"]]);
    tail.take(TABLE);
    expect(tail.end()).toEqual({ stdout: "web-2   1/1     Running\n", stderr: "" });
  });

  it("passes lines on as they come when every filter is a plain grep (get -w | grep web)", () => {
    const filter = new OutputFilter([["grep", "-i", "WEB"]]);
    expect(filter.take("NAME    READY\nweb-1   0/1\nweb-")).toEqual({ stdout: "web-1   0/1\n", stderr: "" });
    expect(filter.take("1   1/1\ndb-1    0/1\n").stdout).toBe("web-1   1/1\n");
    expect(filter.end().stdout).toBe("");
  });

  it("holds everything until the end for filters that need it (grep -c, tail, wc)", () => {
    const filter = new OutputFilter([["grep", "-c", "Running"]]);
    expect(filter.take(TABLE).stdout).toBe("");
    expect(filter.end().stdout).toBe("2\n");
  });

  it("ends with the last filter's exit status, the pipeline's", () => {
    const found = new OutputFilter([["grep", "-q", "web"]]);
    found.take(TABLE);
    found.end();
    expect(found.status).toBe(0);
    const none = new OutputFilter([["grep", "nothing"]]);
    none.take(TABLE);
    none.end();
    expect(none.status).toBe(1);
  });

  it("gives busybox's errors, and does not read files", () => {
    const filter = new OutputFilter([["grep", "-E", "(", "-"]]);
    expect(filter.take("a\n")).toEqual({ stdout: "", stderr: "grep: bad regex '('\n" });
    expect(filter.take("b\n")).toEqual({ stdout: "", stderr: "" });
    expect(filter.end()).toEqual({ stdout: "", stderr: "" });
    const file = new OutputFilter([["grep", "x", "web.yaml"]]);
    expect(file.take("x\n").stderr).toBe("grep: web.yaml: No such file or directory\n");
  });
});
