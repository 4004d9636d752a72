import { describe, expect, it } from "vitest";
import { ContainerFs } from "./containerFs";

describe("a lazily provisioned container file system", () => {
  it("is filled on first use, once, and shows what provisioning wrote", () => {
    let runs = 0;
    const fs = ContainerFs.lazy((f) => {
      runs++;
      f.seed("/etc/hostname", "web\n");
      f.markReadOnly("/etc/config");
    });
    expect(runs).toBe(0);
    expect(fs.untouched).toBe(true);
    expect(fs.read("/etc/hostname")).toBe("web\n");
    expect(fs.write("/etc/config/x", "1")).toBe("Read-only file system");
    expect(fs.list("/etc")).toEqual(["hostname"]);
    expect(runs).toBe(1);
    expect(fs.untouched).toBe(false);
  });

  it("keeps what is written before anything is read", () => {
    const fs = ContainerFs.lazy((f) => f.seed("/etc/hosts", "127.0.0.1\tlocalhost\n"));
    expect(fs.write("/tmp/ready", "ok")).toBeUndefined();
    expect(fs.read("/tmp/ready")).toBe("ok");
    expect(fs.read("/etc/hosts")).toBe("127.0.0.1\tlocalhost\n");
  });
});
