import type { Box, DrawnEdge } from "./layout";
import type { EdgeView } from "./model";

/** Where edges from one drawn box go, by kind: the drawn ends already kept. */
interface Source {
  id: string;
  owner: Set<string>;
  selector: Set<string>;
}

/** The model's edges as drawn: between the boxes that stand for their ends, each pair once per kind. */
export function drawnEdges(
  edges: readonly EdgeView[],
  drawnAs: ReadonlyMap<string, string>,
  boxes: ReadonlyMap<string, Box>,
): DrawnEdge[] {
  const drawn: DrawnEdge[] = [];
  // Deduplicated by kind, then from, then to, so that the thousands of edges a collapsed
  // group folds into one allocate nothing; an id is built only for an edge kept. The few
  // sources (owners and selector holders) are resolved once each, by their uid (null: not
  // drawn); sources drawn as one box share its sets.
  const sources = new Map<string, Source | null>();
  const byDrawnId = new Map<string, Source>();
  for (const edge of edges) {
    let source = sources.get(edge.from);
    if (source === undefined) {
      const drawnFrom = drawnAs.get(edge.from);
      const id = drawnFrom ?? edge.from;
      source = null;
      if (drawnFrom !== undefined || boxes.has(id)) {
        source = byDrawnId.get(id) ?? { id, owner: new Set(), selector: new Set() };
        byDrawnId.set(id, source);
      }
      sources.set(edge.from, source);
    }
    if (source === null) continue;
    // A pod's drawn id (its cell or its summary) always has a box: only other ends are looked up.
    const drawnTo = drawnAs.get(edge.to);
    const to = drawnTo ?? edge.to;
    if (drawnTo === undefined && !boxes.has(to)) continue;
    const targets = source[edge.kind];
    if (targets.has(to)) continue;
    targets.add(to);
    const from = source.id;
    const id = from === edge.from && to === edge.to ? edge.id : `${edge.kind}:${from}:${to}`;
    drawn.push({ id, edge, from, to });
  }
  return drawn;
}
