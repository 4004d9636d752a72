import { memo } from "react";
import type { EdgeView } from "./model";

interface EdgeProps {
  id: string;
  edge: EdgeView;
  /** Drawn only while lit (a workload's selector edges repeat its owner edges). */
  quiet: boolean;
  highlighted: boolean;
  refFor: (id: string) => (el: SVGPathElement | null) => void;
}

/** An owner or selector edge; the animator writes its path. */
export const EdgeShape = memo(function EdgeShape({ id, edge, quiet, highlighted, refFor }: EdgeProps) {
  return (
    <path
      ref={refFor(id)}
      className={`edge ${edge.kind}${edge.controller || edge.kind !== "owner" ? "" : " ref"}${quiet ? " quiet" : ""}`}
      data-edge={edge.kind}
      data-from={edge.from}
      data-to={edge.to}
      data-highlighted={highlighted ? "true" : undefined}
    />
  );
}, sameEdge);

function sameEdge(a: EdgeProps, b: EdgeProps): boolean {
  return (
    a.id === b.id &&
    a.edge.kind === b.edge.kind &&
    a.edge.controller === b.edge.controller &&
    a.edge.from === b.edge.from &&
    a.edge.to === b.edge.to &&
    a.quiet === b.quiet &&
    a.highlighted === b.highlighted &&
    a.refFor === b.refFor
  );
}
