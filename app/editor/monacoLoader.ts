import type { Monaco } from "./monacoSetup";

let loading: Promise<Monaco> | undefined;
let yaml: Promise<void> | undefined;

/**
 * Performance marks for the editor's start-up phases (`bench/editorReady.ts` reads them to say
 * where the time goes): requested, chunk evaluated, configured, editor created, YAML support on.
 */
export function markEditorPhase(phase: "requested" | "evaluated" | "configured" | "created" | "yaml"): void {
  performance.mark(`kubeplay:monaco-${phase}`);
}

/** Loads and configures Monaco once, on first use (a separate chunk); later calls share the promise. */
export function loadMonaco(): Promise<Monaco> {
  if (!loading) markEditorPhase("requested");
  loading ??= import("./monacoSetup").then((m) => m.monaco);
  return loading;
}

/** Adds monaco-yaml and the schemas (their own chunk) once; call it after the editor has painted. */
export function loadYamlSupport(monaco: Monaco): Promise<void> {
  yaml ??= import("./yamlSupport").then((m) => {
    m.configureYaml(monaco);
    markEditorPhase("yaml");
  });
  return yaml;
}
