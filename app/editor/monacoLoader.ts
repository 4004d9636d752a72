import type { Monaco } from "./monacoSetup";

let loading: Promise<Monaco> | undefined;

/** Loads and configures Monaco once, on first use (a separate chunk); later calls share the promise. */
export function loadMonaco(): Promise<Monaco> {
  loading ??= import("./monacoSetup").then((m) => m.monaco);
  return loading;
}
