// Lint rules. The two project rules make the design enforceable:
// the engine (src/) stays headless and deterministic.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const uiLibraries = [
  "react",
  "react-dom",
  "react/*",
  "react-dom/*",
  "d3",
  "d3-*",
  "monaco-editor",
  "monaco-editor/*",
  "monaco-yaml",
  "monaco-yaml/*",
  "@monaco-editor/*",
  "zustand",
  "zustand/*",
  "@xterm/*",
];

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", ".tmp/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.ts"],
    ignores: ["src/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: uiLibraries, message: "src/ is the headless engine: UI libraries belong in app/." },
            {
              group: ["**/app", "**/app/**"],
              message: "src/ may not import app/: the UI depends on the engine, never the reverse.",
            },
          ],
        },
      ],
      "no-restricted-properties": [
        "error",
        {
          object: "Math",
          property: "random",
          message: "Use the engine's seeded random generator (src/util/random.ts).",
        },
        { object: "Date", property: "now", message: "Use the simulated clock (src/util/clock.ts)." },
        { object: "performance", property: "now", message: "Use the simulated clock (src/util/clock.ts)." },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "new Date() reads the wall clock; use the simulated clock.",
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "setTimeout", message: "Schedule work on the simulated clock instead." },
        { name: "setInterval", message: "Schedule work on the simulated clock instead." },
        { name: "window", message: "src/ is headless: no DOM." },
        { name: "document", message: "src/ is headless: no DOM." },
      ],
    },
  },
);
