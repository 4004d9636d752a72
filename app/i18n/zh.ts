import type { MessageKey } from "./en";

/** 中文界面文案。键与 en.ts 一一对应，缺一个类型检查就会失败。 */
export const zh: Record<MessageKey, string> = {
  "app.tagline": "动手看懂 Kubernetes 的运行原理",
  "lang.switch": "语言",
  "theme.toggle": "切换浅色 / 深色主题",
  "theme.light": "浅色",
  "theme.dark": "深色",
  "region.lessons": "课程",
  "region.editor": "编辑器",
  "region.view": "集群视图",
  "region.console": "控制台",
  "lessons.empty": "引导式课程将出现在这里：每章一课，每一步都由集群自己来验证。",
  "editor.empty": "YAML 编辑器将在这里加载。",
  "view.empty": "集群视图会在这里画出 Pod、属主关系和选择器。",
  "console.empty": "kubectl 控制台将在这里运行。",
};
