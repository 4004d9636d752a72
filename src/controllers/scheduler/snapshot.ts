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

/** Scores the trace lists; past this many nodes, the best ones (a learner reads a few, not 100). */
const SCORES_SHOWN = 5;

/**
 * The scheduler's Snapshot: the node list with facts and usage side by side, rebuilt only
 * when a node object changes (nodes change rarely, pods are scheduled by the thousand), so
 * a cycle walks an array instead of looking every node up by identity and by name.
 */
export class NodeSnapshot {
  private nodes: readonly KubeObject[] = [];
  private entries: NodeEntry[] = [];

  constructor(private readonly cache: NodeUsageCache) {}

  /** The entries for the store's node list, in its order. */
  of(nodes: readonly KubeObject[]): readonly NodeEntry[] {
    if (!sameObjects(nodes, this.nodes)) {
      this.nodes = nodes;
      this.entries = nodes.map((node) => {
        const facts = nodeFacts(node);
        return { facts, usage: this.cache.usageOf(facts.name), shownScore: Number.NaN, shownText: "" };
      });
    }
    return this.entries;
  }

  /**
   * `node-1 300, node-2 300, node-3 280` for the trace: every node of a small cluster in its
   * order; of a larger one the best SCORES_SHOWN, best first, then how many more there are.
   */
  describe(nodes: readonly NodeEntry[], scores: readonly number[]): string {
    if (nodes.length <= SCORES_SHOWN) return nodes.map((node, i) => scoreText(node, scores[i])).join(", ");
    const best: number[] = [];
    for (let i = 0; i < nodes.length; i++) {
      // Insertion into a short list kept best first (ties in node order).
      let at = best.length;
      while (at > 0 && scores[best[at - 1]] < scores[i]) at--;
      if (at < SCORES_SHOWN) {
        best.splice(at, 0, i);
        if (best.length > SCORES_SHOWN) best.pop();
      }
    }
    const shown = best.map((i) => scoreText(nodes[i], scores[i])).join(", ");
    return `${shown}, and ${nodes.length - SCORES_SHOWN} more`;
  }
}

function sameObjects(a: readonly KubeObject[], b: readonly KubeObject[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
