import { describe, expect, it } from "vitest";
import { parseImageRef, refString } from "./imageRef";

// Cases after distribution/reference normalize_test.go, with the kubelet's default tag.
describe("parseImageRef", () => {
  it.each([
    ["nginx", "docker.io/library/nginx:latest"],
    ["nginx:1.14.2", "docker.io/library/nginx:1.14.2"],
    ["docker.io/nginx", "docker.io/library/nginx:latest"],
    ["docker.io/library/nginx:1.25-alpine", "docker.io/library/nginx:1.25-alpine"],
    ["index.docker.io/library/busybox:1.28", "docker.io/library/busybox:1.28"],
    ["hashicorp/http-echo", "docker.io/hashicorp/http-echo:latest"],
    ["registry.k8s.io/pause:3.10", "registry.k8s.io/pause:3.10"],
    ["localhost:5000/app", "localhost:5000/app:latest"],
    ["localhost/app:v1", "localhost/app:v1"],
    [`nginx@sha256:${"a".repeat(64)}`, `docker.io/library/nginx@sha256:${"a".repeat(64)}`],
    [`nginx:1.27@sha256:${"b".repeat(64)}`, `docker.io/library/nginx:1.27@sha256:${"b".repeat(64)}`],
  ])("normalises %s to %s", (image, expected) => {
    const r = parseImageRef(image);
    if ("error" in r) throw new Error(r.error);
    expect(refString(r)).toBe(expected);
  });

  it.each([
    ["NGINX", "invalid reference format: repository name (library/NGINX) must be lowercase"],
    [
      "docker.io/Library/nginx",
      "invalid reference format: repository name (Library/nginx) must be lowercase",
    ],
    ["nginx:", "invalid reference format"],
    ["nginx:1.2:3", "invalid reference format"],
    ["nginx@sha256:abc", "invalid reference format"],
    ["-nginx", "invalid reference format"],
    ["nginx:-1", "invalid reference format"],
    [
      "a".repeat(64),
      `invalid repository name (${"a".repeat(64)}), cannot specify 64-byte hexadecimal strings`,
    ],
  ])("rejects %s", (image, error) => {
    expect(parseImageRef(image)).toEqual({ error });
  });
});
