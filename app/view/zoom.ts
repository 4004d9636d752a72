import { select } from "d3-selection";
import { type ZoomBehavior, zoom, zoomIdentity } from "d3-zoom";
import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef } from "react";

const PAD = 8;

/** Zoom and pan controls for the drawing. */
export interface ZoomControls {
  zoomBy: (factor: number) => void;
  panBy: (dx: number, dy: number) => void;
  /** Fits the whole drawing and keeps fitting it as it grows, until the learner zooms by hand. */
  fit: () => void;
}

/**
 * d3-zoom on the svg, its transform written to the viewport group. The drawing stays fitted
 * to the region (as objects come and go, and as the region resizes) until the learner zooms
 * or pans; Fit returns to that.
 */
export function useZoom(
  svgRef: RefObject<SVGSVGElement | null>,
  viewportRef: RefObject<SVGGElement | null>,
  size: { width: number; height: number },
): ZoomControls {
  const behaviour = useRef<ZoomBehavior<SVGSVGElement, unknown> | undefined>(undefined);
  const autoFit = useRef(true);
  const sizeRef = useRef(size);
  sizeRef.current = size;
  // The region's size as the ResizeObserver last reported it: reading it from the element
  // instead would force a layout in the middle of every commit that grows the drawing.
  const regionRef = useRef<{ width: number; height: number } | undefined>(undefined);

  const apply = useCallback(
    (scale: number, x: number, y: number) => {
      const svg = svgRef.current;
      if (svg && behaviour.current)
        select(svg).call(behaviour.current.transform, zoomIdentity.translate(x, y).scale(scale));
    },
    [svgRef],
  );

  const refit = useCallback(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const { width, height } = regionRef.current ?? svg.getBoundingClientRect();
    const { width: w, height: h } = sizeRef.current;
    if (width === 0 || height === 0 || w === 0) return;
    const scale = Math.min((width - PAD * 2) / w, (height - PAD * 2) / h, 1.25);
    apply(scale, (width - w * scale) / 2, Math.max(PAD, (height - h * scale) / 2));
  }, [svgRef, apply]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.05, 4])
      // d3-zoom's default extent reads the svg's size at every transform, which forces a
      // layout in the middle of each commit that refits the drawing: use the observed size.
      .extent(() => {
        const region = regionRef.current ?? svg.getBoundingClientRect();
        return [
          [0, 0],
          [region.width, region.height],
        ];
      })
      .on("zoom", (event) => {
        viewportRef.current?.setAttribute("transform", event.transform.toString());
        if (event.sourceEvent) autoFit.current = false;
      });
    behaviour.current = z;
    select(svg).call(z).on("dblclick.zoom", null);
    refit();
    const observer = new ResizeObserver(([entry]) => {
      regionRef.current = { width: entry.contentRect.width, height: entry.contentRect.height };
      if (autoFit.current) refit();
    });
    observer.observe(svg);
    return () => {
      observer.disconnect();
      select(svg).on(".zoom", null);
    };
  }, [svgRef, viewportRef, refit]);

  useLayoutEffect(() => {
    if (autoFit.current) refit();
  }, [size.width, size.height, refit]);

  return {
    zoomBy: (factor) => {
      const svg = svgRef.current;
      autoFit.current = false;
      if (svg && behaviour.current) select(svg).call(behaviour.current.scaleBy, factor);
    },
    panBy: (dx, dy) => {
      const svg = svgRef.current;
      autoFit.current = false;
      if (svg && behaviour.current) select(svg).call(behaviour.current.translateBy, dx, dy);
    },
    fit: () => {
      autoFit.current = true;
      refit();
    },
  };
}
