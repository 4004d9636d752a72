/**
 * monaco-yaml with the Kubernetes schemas: completion, hover documentation and validation as
 * you type. Its own chunk, configured after the editor's first paint (see monacoLoader.ts): the
 * schemas are ~280 KB of JS to compile and the language service runs in a worker anyway, so the
 * learner sees the text first and the squiggles a moment later. Markers reach models created
 * before this ran too (monaco-marker-data-provider walks the existing models).
 */
import { configureMonacoYaml } from "monaco-yaml";
import type { Monaco } from "./monacoSetup";
import { editorSchemas } from "./schemas";

export function configureYaml(monaco: Monaco): void {
  configureMonacoYaml(monaco, {
    enableSchemaRequest: false,
    validate: true,
    hover: true,
    completion: true,
    isKubernetes: false,
    schemas: editorSchemas(),
  });
}
