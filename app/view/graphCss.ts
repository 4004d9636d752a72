/**
 * The drawing's styles. They live in a string rather than a .css file so that an exported SVG
 * carries them inside itself; the theme's variables are resolved into it at export time.
 */
export const GRAPH_CSS = `
.kv-graph { font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Noto Sans CJK SC", sans-serif; }
.kv-graph text { fill: var(--text); font-size: 11px; pointer-events: none; }
.kv-graph .muted { fill: var(--muted); }
.kv-graph .small { font-size: 9.5px; }
.kv-graph .tiny { font-size: 8.5px; }
.kv-graph .strong { font-weight: 600; }
.kv-graph .lane-bg { fill: var(--lane-bg); stroke: var(--border); }
.kv-graph .lane.pending .lane-bg { stroke-dasharray: 4 3; }
.kv-graph .lane.not-ready .lane-bg { fill: var(--lane-down-bg); }
.kv-graph .card-bg { fill: var(--panel); stroke: var(--border); stroke-width: 1.2; }
.kv-graph [data-kind] { cursor: pointer; outline: none; }
.kv-graph [data-kind]:focus-visible .card-bg, .kv-graph [data-summary]:focus-visible .card-bg { stroke: var(--accent); stroke-width: 2.5; }
.kv-graph .kind-badge { fill: var(--badge-bg); }
.kv-graph .kind-badge-text { fill: var(--accent); font-size: 8.5px; font-weight: 700; }
.kv-graph .pod .card-bg { fill: var(--look-bg); stroke: var(--look); }
.kv-graph .pod .bar { fill: var(--look); }
.kv-graph .pod.terminating { opacity: 0.55; }
.kv-graph .pod.terminating .card-bg { stroke-dasharray: 4 3; }
.kv-graph .ready-dot { stroke: var(--look); fill: var(--panel); }
.kv-graph .ready-dot.on { fill: var(--look); }
.kv-graph .restarts { fill: var(--look-failed); font-weight: 600; }
.kv-graph .chip rect { fill: var(--chip-bg); stroke: none; }
.kv-graph .chip text { fill: var(--muted); font-size: 8.5px; }
.kv-graph .chip { pointer-events: all; cursor: default; }
.kv-graph .chip.selector rect { fill: var(--chip-selector-bg); }
.kv-graph .chip.selector text { fill: var(--accent); }
.kv-graph .chip[data-marked="true"] rect { fill: var(--chip-marked-bg); stroke: var(--highlight); }
.kv-graph .chip[data-marked="true"] text { fill: var(--text); font-weight: 600; }
.kv-graph .edge { fill: none; stroke: var(--muted); stroke-width: 1.2; opacity: 0.7; }
.kv-graph .edge.owner.ref { stroke-dasharray: 2 3; }
.kv-graph .edge.selector { stroke: var(--accent); stroke-dasharray: 5 4; opacity: 0.45; }
.kv-graph .edge.selector.quiet { display: none; }
.kv-graph .edge.selector.quiet[data-highlighted="true"] { display: inline; }
.kv-graph .edge[data-highlighted="true"] { stroke: var(--highlight); stroke-width: 2.2; opacity: 1; }
.kv-graph.focusing [data-kind]:not(.lane):not([data-highlighted="true"]):not([data-focused="true"]),
.kv-graph.focusing [data-summary]:not([data-highlighted="true"]):not([data-focused="true"]) { opacity: 0.35; }
.kv-graph.focusing .edge:not([data-highlighted="true"]) { opacity: 0.08; }
.kv-graph [data-highlighted="true"] > .card-bg { stroke: var(--highlight); stroke-width: 2.5; }
.kv-graph [data-focused="true"] > .card-bg { stroke: var(--accent); stroke-width: 2.5; }
.kv-graph .toggle { fill: var(--accent); font-weight: 700; pointer-events: all; cursor: pointer; }
.kv-graph .ghost { animation: kv-fade var(--anim-ms) ease-in forwards; pointer-events: none; }
.kv-graph .entering { animation: kv-appear var(--anim-ms) ease-out; }
.kv-graph.calm .entering { animation: none; }
@keyframes kv-fade { from { opacity: 0.6; } to { opacity: 0; } }
@keyframes kv-appear { from { opacity: 0; } to { opacity: 1; } }
.kv-graph .look-ready { --look: var(--look-ready); --look-bg: var(--look-ready-bg); }
.kv-graph .look-running { --look: var(--look-running); --look-bg: var(--look-running-bg); }
.kv-graph .look-creating { --look: var(--look-creating); --look-bg: var(--look-creating-bg); }
.kv-graph .look-pending { --look: var(--look-pending); --look-bg: var(--look-pending-bg); }
.kv-graph .look-terminating { --look: var(--look-pending); --look-bg: var(--look-pending-bg); }
.kv-graph .look-succeeded { --look: var(--look-succeeded); --look-bg: var(--look-succeeded-bg); }
.kv-graph .look-failed { --look: var(--look-failed); --look-bg: var(--look-failed-bg); }
.kv-graph .look-crashloop { --look: var(--look-crashloop); --look-bg: var(--look-crashloop-bg); }
.kv-graph .look-imagepull { --look: var(--look-imagepull); --look-bg: var(--look-imagepull-bg); }
`;

/** The variables the drawing reads; an export copies their current values into the file. */
export const GRAPH_VARS = [
  "--bg",
  "--panel",
  "--border",
  "--text",
  "--muted",
  "--accent",
  "--highlight",
  "--anim-ms",
  "--look-ready",
  "--look-running",
  "--look-creating",
  "--look-pending",
  "--look-succeeded",
  "--look-failed",
  "--look-crashloop",
  "--look-imagepull",
  "--look-ready-bg",
  "--look-running-bg",
  "--look-creating-bg",
  "--look-pending-bg",
  "--look-succeeded-bg",
  "--look-failed-bg",
  "--look-crashloop-bg",
  "--look-imagepull-bg",
  "--chip-bg",
  "--chip-selector-bg",
  "--chip-marked-bg",
  "--badge-bg",
  "--lane-bg",
  "--lane-down-bg",
];
