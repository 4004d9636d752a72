import type { KubeObject } from "../../api/types";
import { ManifestError, parseManifest } from "../manifest";
import { KubectlError, type VerbContext } from "../verb";

/** One document read from -f, with the source name used in messages. */
export interface FileDocument {
  source: string;
  object?: KubeObject;
  error?: string;
}

/**
 * Reads every `-f` argument: `-` is stdin, other names are the files the console was given
 * (the editor's tabs). Syntax errors abort (nothing is applied); per-document problems are
 * returned for the verb to report in order.
 */
export function readFileDocuments(ctx: VerbContext, filenames: string[]): FileDocument[] {
  const docs: FileDocument[] = [];
  for (const filename of filenames) {
    const source = filename === "-" ? "STDIN" : filename;
    const text = filename === "-" ? ctx.stdin : ctx.files[filename];
    if (text === undefined) {
      if (filename === "-") throw new KubectlError("error: no objects passed to apply");
      throw new KubectlError(`error: the path "${filename}" does not exist`);
    }
    try {
      for (const doc of parseManifest(text, source)) {
        docs.push("error" in doc ? { source, error: doc.error } : { source, object: doc.object });
      }
    } catch (error) {
      if (error instanceof ManifestError) throw new KubectlError(error.message);
      throw error;
    }
  }
  return docs;
}

/** The live objects that -f names (for get/describe/delete -f), with NotFound errors for missing ones. */
export function objectsFromFiles(
  ctx: VerbContext,
  filenames: string[],
): { objects: KubeObject[]; errors: Error[] } {
  const objects: KubeObject[] = [];
  const errors: Error[] = [];
  for (const doc of readFileDocuments(ctx, filenames)) {
    if (!doc.object) {
      errors.push(new KubectlError(doc.error ?? "error: invalid document"));
      continue;
    }
    const namespace = doc.object.metadata.namespace ?? ctx.namespace;
    try {
      objects.push(ctx.cluster.api.get(doc.object.kind, namespace, doc.object.metadata.name ?? ""));
    } catch (error) {
      errors.push(error as Error);
    }
  }
  return { objects, errors };
}
