/** English UI strings. Every key here must exist in zh.ts too (the type enforces it). */
export const en = {
  "app.tagline": "Learn how Kubernetes really works",
  "lang.switch": "Language",
  "theme.toggle": "Switch between light and dark theme",
  "theme.light": "Light",
  "theme.dark": "Dark",
  "region.lessons": "Lessons",
  "region.editor": "Editor",
  "region.view": "Cluster view",
  "region.console": "Console",
  "lessons.empty":
    "Guided lessons arrive here: one per chapter of the course, each step checked by the cluster itself.",
  "editor.empty": "The YAML editor loads here.",
  "view.empty": "The cluster view draws pods, owners and selectors here.",
  "console.empty": "The kubectl console runs here.",
};

export type MessageKey = keyof typeof en;
