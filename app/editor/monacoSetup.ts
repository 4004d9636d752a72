/**
 * Monaco, bundled and configured once: the editor core with the contributions we use
 * (monacoContributions.ts), only the YAML language, and workers built by Vite. Loaded lazily (see
 * monacoLoader.ts) so the first paint does not wait for ~1 MB of editor. monaco-yaml and the
 * Kubernetes schemas come a moment later (yamlSupport.ts), once the editor has been painted.
 */
import "./monacoContributions";
import "monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js";
import * as monaco from "monaco-editor/esm/vs/editor/editor.api.js";
import EditorWorker from "monaco-editor/esm/vs/editor/editor.worker.js?worker";
import YamlWorker from "monaco-yaml/yaml.worker.js?worker";
import { markEditorPhase } from "./monacoLoader";

markEditorPhase("evaluated");

self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    return label === "yaml" ? new YamlWorker() : new EditorWorker();
  },
};

/**
 * monaco-yaml (through monaco-worker-manager) still calls `createWebWorker({ moduleId, label,
 * createData })`, the pre-0.54 shape; Monaco 0.54 wants the worker itself. Supply it the way
 * Monaco's own JSON language does: create it, then post "ignore" and the createData.
 */
type WebWorkerOptions = Parameters<typeof monaco.editor.createWebWorker>[0] & {
  moduleId?: string;
  label?: string;
  createData?: unknown;
};
const createWebWorker = monaco.editor.createWebWorker;
Object.defineProperty(monaco.editor, "createWebWorker", {
  value: (opts: WebWorkerOptions) => {
    if ("worker" in opts && opts.worker) return createWebWorker(opts);
    const worker = self.MonacoEnvironment!.getWorker!(opts.moduleId ?? "", opts.label ?? "") as Worker;
    worker.postMessage("ignore");
    worker.postMessage(opts.createData);
    return createWebWorker({ ...opts, worker });
  },
});

markEditorPhase("configured");

export { monaco };
/** The Monaco API this app uses. */
export type Monaco = typeof monaco;
