/**
 * Apply, Diff and Delete for an editor file: `kubectl <verb> -f -` with the file as stdin,
 * through the simulator bridge. The result is echoed into the console and turned into editor
 * markers; the file's text is never touched.
 */
import type { Request, ResponseMap } from "../sim/protocol";
import { printToConsole } from "../console/consoleBus";
import { type ApplyMarker, applyMarkers } from "./applyMarkers";

/** The three manifest commands the editor offers. */
export type ManifestVerb = "apply" | "diff" | "delete";

/** The bridge's request method, narrowed to kubectl (a fake in tests). */
export interface KubectlRequester {
  request(request: Extract<Request, { type: "kubectl" }>): Promise<ResponseMap["kubectl"]>;
}

/** What one command did. `ok` is false for a failure the learner must see (role=alert). */
export interface ManifestOutcome {
  verb: ManifestVerb;
  ok: boolean;
  code: number;
  stdout: string;
  stderr: string;
  markers: ApplyMarker[];
}

/** Runs the command; never rejects (a lost or slow simulator becomes a failed outcome). */
export async function runManifestCommand(
  bridge: KubectlRequester,
  verb: ManifestVerb,
  fileName: string,
  text: string,
): Promise<ManifestOutcome> {
  const line = `kubectl ${verb} -f -`;
  let result: ResponseMap["kubectl"];
  try {
    result = await bridge.request({ type: "kubectl", line, stdin: text });
  } catch (error) {
    result = { code: 1, stdout: "", stderr: `${(error as Error).message}\n` };
  }
  const { stdout, stderr, chunks } = result;
  printToConsole({ command: `${line} < ${fileName}`, stdout, stderr, chunks });
  // kubectl diff exits 1 when it found differences: that is its answer, not a failure.
  const ok = verb === "diff" ? result.code <= 1 && result.stderr === "" : result.code === 0;
  return { verb, ok, ...result, markers: ok ? [] : applyMarkers(text, result.stderr) };
}
