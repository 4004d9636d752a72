import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { build } from "vite";

const OUT_DIR = ".tmp/bench-engine";

/**
 * Runs the engine benchmarks on the engine as it ships. The app's worker is bundled by Vite;
 * run under tsx instead, every function would carry esbuild's keepNames wrapper (a
 * defineProperty per closure created), which the shipped code does not pay. So the entry is
 * bundled by Vite the same way (no plugins: the engine has no JSX) and run by plain Node,
 * in its own process, so that its heap figure counts only the engine.
 */
export async function benchEngineBundled(): Promise<void> {
  await build({
    configFile: false,
    logLevel: "warn",
    build: {
      ssr: "bench/engineMain.ts",
      outDir: OUT_DIR,
      emptyOutDir: true,
      target: "es2022",
      minify: true,
      rollupOptions: { output: { entryFileNames: "engineMain.mjs" } },
    },
  });
  const run = spawnSync(process.execPath, [resolve(OUT_DIR, "engineMain.mjs")], { stdio: "inherit" });
  if (run.status !== 0) throw new Error(`engine benchmarks failed (exit ${run.status})`);
}
