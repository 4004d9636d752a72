import { describe, expect, it } from "vitest";
import { runTextFilters } from "./shellText";

const run = (argv: string[], input: string) => runTextFilters([argv], input);

describe("busybox base64", () => {
  it("encodes text as its UTF-8 bytes, in lines of 76 unless -w says otherwise", () => {
    expect(run(["base64"], "hello\n")).toEqual({ stdout: "aGVsbG8K\n", stderr: "", status: 0 });
    expect(run(["base64"], "admin")).toEqual({ stdout: "YWRtaW4=\n", stderr: "", status: 0 });
    expect(run(["base64"], "密码").stdout).toBe("5a+G56CB\n");
    const long = run(["base64"], "x".repeat(60)).stdout;
    expect(long.split("\n").map((line) => line.length)).toEqual([76, 4, 0]);
    expect(run(["base64", "-w", "0"], "x".repeat(60)).stdout).toHaveLength(80);
    expect(run(["base64"], "")).toEqual({ stdout: "", stderr: "", status: 0 });
  });

  it("decodes with -d, skipping what is not base64, and says when the input is cut short", () => {
    expect(run(["base64", "-d"], "YWRtaW4=")).toEqual({ stdout: "admin", stderr: "", status: 0 });
    expect(run(["base64", "-d"], "aGVs\nbG8K\n").stdout).toBe("hello\n");
    expect(run(["base64", "-d"], "5a+G56CB").stdout).toBe("密码");
    // Two padded values back to back decode one after the other.
    expect(run(["base64", "-d"], "YQ==Yg==").stdout).toBe("ab");
    expect(run(["base64", "-d"], "YWRtaW")).toEqual({
      stdout: "adm",
      stderr: "base64: truncated input\n",
      status: 1,
    });
  });

  it("refuses an unknown option with its usage, and a missing file by name", () => {
    const bad = run(["base64", "-x"], "");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(
      /^base64: invalid option -- 'x'\nBusyBox v1\.37\.0 .*\n\nUsage: base64 \[-d\] \[-w COL\] \[FILE\]\n/,
    );
    expect(run(["base64", "secret.txt"], "")).toEqual({
      stdout: "",
      stderr: "base64: can't open 'secret.txt': No such file or directory\n",
      status: 1,
    });
  });
});
