import type { KubeObject } from "../../api/types";
import { type NodeFacts, nodeFacts } from "./nodeFacts";
import type { NodeUsage, NodeUsageCache } from "./resources";

/** One node as a scheduling cycle sees it: its parsed facts and the live usage of its pods. */
export interface NodeEntry {
  facts: NodeFacts;
  usage: NodeUsage;
  /** The score the trace last described and its `node-1 300` text: a node's score changes only as pods land on it. */
  shownScore: number;
  shownText: string;
}

/** `<node> <score>` for the trace, reusing the text while the node's score stays the same. */
export function scoreText(entry: NodeEntry, score: number): string {
  if (entry.shownScore !== score) {
    entry.shownScore = score;
    entry.shownText = `${entry.facts.node.metadata.name} ${score}`;
  }
  return entry.shownText;
}

/** Nodes per stretch of the trace's score list that is kept as text between cycles. */
const STRETCH = 10;

/**
 * The scheduler's Snapshot: the node list with facts and usage side by side, rebuilt only
 * when a node object changes (nodes change rarely, pods are scheduled by the thousand), so
 * a cycle walks an array instead of looking every node up by identity and by name.
 */
export class NodeSnapshot {
  private nodes: readonly KubeObject[] = [];
  private entries: NodeEntry[] = [];
  /** The score list's text per stretch of the entries, and the score per entry it shows. */
  private stretchTexts: string[] = [];
  private stretchScores: number[] = [];

  constructor(private readonly cache: NodeUsageCache) {}

  /** The entries for the store's node list, in its order. */
  of(nodes: readonly KubeObject[]): readonly NodeEntry[] {
    if (!sameObjects(nodes, this.nodes)) {
      this.nodes = nodes;
      this.entries = nodes.map((node) => {
        const facts = nodeFacts(node);
        return { facts, usage: this.cache.usageOf(facts.name), shownScore: Number.NaN, shownText: "" };
      });
      this.stretchTexts = [];
      this.stretchScores = [];
    }
    return this.entries;
  }

  /**
   * `node-1 300, node-2 300, …` for the trace. For the whole node list (every node fits, the
   * usual case) only stretches holding a changed score are joined again: a binding changes
   * one node's score. The result is one flat string either way (the trace keeps thousands).
   */
  describe(nodes: readonly NodeEntry[], scores: readonly number[]): string {
    if (nodes !== this.entries) return nodes.map((node, i) => scoreText(node, scores[i])).join(", ");
    const parts: string[] = [];
    for (let from = 0, stretch = 0; from < nodes.length; from += STRETCH, stretch++) {
      const to = Math.min(nodes.length, from + STRETCH);
      let changed = this.stretchTexts[stretch] === undefined;
      for (let i = from; i < to && !changed; i++) changed = this.stretchScores[i] !== scores[i];
      if (changed) {
        const texts: string[] = [];
        for (let i = from; i < to; i++) {
          this.stretchScores[i] = scores[i];
          texts.push(scoreText(nodes[i], scores[i]));
        }
        this.stretchTexts[stretch] = texts.join(", ");
      }
      parts.push(this.stretchTexts[stretch]);
    }
    return parts.join(", ");
  }
}

function sameObjects(a: readonly KubeObject[], b: readonly KubeObject[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
