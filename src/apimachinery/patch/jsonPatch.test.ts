import { describe, expect, it } from "vitest";
import { applyJsonPatch, kubectlLocalJsonPatchMessage } from "./jsonPatch";
import { decodePointerToken, formatPointer } from "./jsonPointer";
import { type JsonContainer } from "./jsonPointer";
import { type JsonValue } from "./jsonValue";
import { kubectlServerErrorMessage, PatchError } from "./patchErrors";

const apply = (doc: JsonContainer, patch: JsonValue) => applyJsonPatch(doc, patch);
const failure = (doc: JsonContainer, patch: JsonValue): PatchError => {
  try {
    applyJsonPatch(doc, patch);
  } catch (err) {
    return err as PatchError;
  }
  throw new Error("patch applied");
};

// RFC 6902 Appendix A.
describe("JSON patch applies the RFC 6902 examples", () => {
  const table: [string, JsonContainer, JsonValue, JsonValue][] = [
    [
      "A.1 adds an object member",
      { foo: "bar" },
      [{ op: "add", path: "/baz", value: "qux" }],
      { baz: "qux", foo: "bar" },
    ],
    [
      "A.2 adds an array element",
      { foo: ["bar", "baz"] },
      [{ op: "add", path: "/foo/1", value: "qux" }],
      { foo: ["bar", "qux", "baz"] },
    ],
    [
      "A.3 removes an object member",
      { baz: "qux", foo: "bar" },
      [{ op: "remove", path: "/baz" }],
      { foo: "bar" },
    ],
    [
      "A.4 removes an array element",
      { foo: ["bar", "qux", "baz"] },
      [{ op: "remove", path: "/foo/1" }],
      { foo: ["bar", "baz"] },
    ],
    [
      "A.5 replaces a value",
      { baz: "qux", foo: "bar" },
      [{ op: "replace", path: "/baz", value: "boo" }],
      { baz: "boo", foo: "bar" },
    ],
    [
      "A.6 moves a value",
      { foo: { bar: "baz", waldo: "fred" }, qux: { corge: "grault" } },
      [{ op: "move", from: "/foo/waldo", path: "/qux/thud" }],
      { foo: { bar: "baz" }, qux: { corge: "grault", thud: "fred" } },
    ],
    [
      "A.7 moves an array element",
      { foo: ["all", "grass", "cows", "eat"] },
      [{ op: "move", from: "/foo/1", path: "/foo/3" }],
      { foo: ["all", "cows", "eat", "grass"] },
    ],
    [
      "A.8 passes matching tests",
      { baz: "qux", foo: ["a", 2, "c"] },
      [
        { op: "test", path: "/baz", value: "qux" },
        { op: "test", path: "/foo/1", value: 2 },
      ],
      { baz: "qux", foo: ["a", 2, "c"] },
    ],
    [
      "A.10 adds a nested member object",
      { foo: "bar" },
      [{ op: "add", path: "/child", value: { grandchild: {} } }],
      { foo: "bar", child: { grandchild: {} } },
    ],
    [
      "A.11 ignores unrecognized elements",
      { foo: "bar" },
      [{ op: "add", path: "/baz", value: "qux", xyz: 123 }],
      { foo: "bar", baz: "qux" },
    ],
    [
      "A.14 decodes ~01 as ~1",
      { "/": 9, "~1": 10 },
      [{ op: "test", path: "/~01", value: 10 }],
      { "/": 9, "~1": 10 },
    ],
    [
      "A.16 appends an array value with -",
      { foo: ["bar"] },
      [{ op: "add", path: "/foo/-", value: ["abc", "def"] }],
      { foo: ["bar", ["abc", "def"]] },
    ],
    [
      "copies a value",
      { a: { b: 1 } },
      [{ op: "copy", from: "/a", path: "/c" }],
      { a: { b: 1 }, c: { b: 1 } },
    ],
  ];
  for (const [name, doc, patch, want] of table) {
    it(name, () => expect(apply(doc, patch)).toEqual(want));
  }

  it("leaves the input document untouched", () => {
    const doc = { foo: ["bar"] };
    apply(doc, [{ op: "add", path: "/foo/0", value: "x" }]);
    expect(doc).toEqual({ foo: ["bar"] });
  });
});

describe("JSON patch fails with evanphx/json-patch's texts", () => {
  const table: [string, JsonContainer, JsonValue, string][] = [
    [
      "A.9 a failed test",
      { baz: "qux" },
      [{ op: "test", path: "/baz", value: "bar" }],
      "testing value /baz failed: test failed",
    ],
    [
      "A.12 adding under a missing parent",
      { foo: "bar" },
      [{ op: "add", path: "/baz/bat", value: "qux" }],
      'add operation does not apply: doc is missing path: "/baz/bat": missing value',
    ],
    [
      "A.15 a string that is not the number",
      { "/": 9, "~1": 10 },
      [{ op: "test", path: "/~01", value: "10" }],
      "testing value /~01 failed: test failed",
    ],
    [
      "removing a missing key",
      { spec: {} },
      [{ op: "remove", path: "/spec/foo" }],
      "error in remove for path: '/spec/foo': Unable to remove nonexistent key: foo: missing value",
    ],
    [
      "removing past the end of a list",
      { a: [1] },
      [{ op: "remove", path: "/a/3" }],
      "error in remove for path: '/a/3': Unable to access invalid index: 3: invalid index referenced",
    ],
    [
      "adding past the end of a list",
      { a: [1] },
      [{ op: "add", path: "/a/5", value: 2 }],
      "error in add for path: '/a/5': Unable to access invalid index: 5: invalid index referenced",
    ],
    [
      "replacing a missing list element",
      { a: [1] },
      [{ op: "replace", path: "/a/1", value: 2 }],
      "replace operation does not apply: doc is missing key: /a/1: missing value",
    ],
    [
      "replacing under a missing parent",
      { a: {} },
      [{ op: "replace", path: "/b/c", value: 2 }],
      "replace operation does not apply: doc is missing path: /b/c: missing value",
    ],
    [
      "a non-numeric list index",
      { a: [1] },
      [{ op: "add", path: "/a/x", value: 2 }],
      "error in add for path: '/a/x': value was not a proper array index: 'x': strconv.Atoi: parsing \"x\": invalid syntax",
    ],
    ["an unknown op", { a: 1 }, [{ op: "merge", path: "/a" }], "Unexpected kind: merge"],
    [
      "a missing path",
      { a: 1 },
      [{ op: "add", value: 1 }],
      "add operation failed to decode path: missing value",
    ],
  ];
  for (const [name, doc, patch, message] of table) {
    it(name, () => {
      const err = failure(doc, patch);
      expect(err.message).toBe(message);
      expect(err.reason).toBe("Invalid");
    });
  }

  it("rejects a patch that is not a list with Go's decode error, as a bad request", () => {
    const err = failure({}, { op: "add" });
    expect(err.message).toBe("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
    expect(kubectlServerErrorMessage(err)).toBe(
      "Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch",
    );
  });

  it("is reported by kubectl against a server as the generic 422", () => {
    const err = failure({ spec: {} }, [{ op: "remove", path: "/spec/foo" }]);
    expect(kubectlServerErrorMessage(err)).toBe(
      "The request is invalid: the server rejected our request due to an error in our request",
    );
  });

  it("is reworded by kubectl --local when a key is missing", () => {
    const err = failure({ a: [1] }, [{ op: "replace", path: "/a/1", value: 2 }]);
    expect(kubectlLocalJsonPatchMessage(err)).toBe(
      "Object to be patched is missing field (/a/1: missing value)",
    );
  });
});

describe("JSON patch keeps v4's leniencies", () => {
  it("replaces a missing object key by setting it", () => {
    expect(apply({ a: {} }, [{ op: "replace", path: "/a/b", value: 1 }])).toEqual({ a: { b: 1 } });
  });

  it("reads negative indices from the end", () => {
    expect(apply({ a: [1, 2, 3] }, [{ op: "remove", path: "/a/-1" }])).toEqual({ a: [1, 2] });
  });

  it("replaces the whole document at the empty path", () => {
    expect(apply({ a: 1 }, [{ op: "replace", path: "", value: { b: 2 } }])).toEqual({ b: 2 });
  });
});

describe("JSON pointers", () => {
  it("escape / and ~ in label keys", () => {
    expect(formatPointer(["metadata", "labels", "app.kubernetes.io/name"])).toBe(
      "/metadata/labels/app.kubernetes.io~1name",
    );
    expect(decodePointerToken("a~0~1b")).toBe("a~/b");
  });

  it("patch a label whose key contains a slash", () => {
    const doc = { metadata: { labels: { "app.kubernetes.io/name": "web" } } };
    const patch = [{ op: "replace", path: "/metadata/labels/app.kubernetes.io~1name", value: "api" }];
    expect(apply(doc, patch)).toEqual({ metadata: { labels: { "app.kubernetes.io/name": "api" } } });
  });
});
