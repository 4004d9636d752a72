import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { decodeError } from "./decode";
import { strictDecodeErrors } from "./strictDecode";
import * as docs from "./testdata/manifests";
import { typeErrors } from "./typeErrors";

describe("manifests from the Kubernetes documentation", () => {
  for (const [name, text] of Object.entries(docs)) {
    it(`decodes ${name} without type errors or unknown fields`, () => {
      const obj = load(text) as { apiVersion: string; kind: string };
      expect(typeErrors(obj, obj.apiVersion, obj.kind)).toEqual([]);
      expect(strictDecodeErrors(obj, obj.apiVersion, obj.kind)).toEqual([]);
      expect(decodeError(obj, obj.apiVersion, obj.kind)).toBeUndefined();
    });
  }
});
