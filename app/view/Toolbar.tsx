import { useT } from "../state/uiStore";
import { useViewStore } from "./viewStore";
import type { ZoomControls } from "./zoom";

/**
 * The drawing's tools: zoom out/in, fit, the pinned selector lens, and export. It sits in the
 * view's tab row (rendered there through a portal) so that it never covers the drawing.
 */
export function GraphToolbar({
  zoom,
  onExport,
}: {
  zoom: ZoomControls;
  onExport: (kind: "svg" | "png") => void;
}) {
  const t = useT();
  const lensPinned = useViewStore((s) => s.lensPinned);
  return (
    <div className="kv-toolbar" role="toolbar" aria-label={t("view.tools")}>
      <button
        type="button"
        onClick={() => zoom.zoomBy(0.8)}
        aria-label={t("view.zoomOut")}
        title={t("view.zoomOut")}
      >
        −
      </button>
      <button
        type="button"
        onClick={() => zoom.zoomBy(1.25)}
        aria-label={t("view.zoomIn")}
        title={t("view.zoomIn")}
      >
        +
      </button>
      <button type="button" onClick={zoom.fit} title={t("view.fitHint")}>
        {t("view.fit")}
      </button>
      <button
        type="button"
        aria-pressed={lensPinned}
        title={t("view.lensHint")}
        onClick={() => useViewStore.getState().setLensPinned(!lensPinned)}
      >
        {t("view.lens")}
      </button>
      <span className="kv-spacer" />
      <button type="button" onClick={() => onExport("svg")} title={t("view.exportHint")}>
        SVG
      </button>
      <button type="button" onClick={() => onExport("png")} title={t("view.exportHint")}>
        PNG
      </button>
    </div>
  );
}
