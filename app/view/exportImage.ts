import { GRAPH_VARS } from "./graphCss";

/**
 * The drawing as a standalone SVG file: the whole picture (not just what is scrolled into
 * view), with the theme's current variable values written into it so it looks the same
 * anywhere. Data hooks stay; nothing refers outside the file.
 */
export function svgMarkup(svg: SVGSVGElement, width: number, height: number): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const styles = getComputedStyle(svg);
  const vars = GRAPH_VARS.map((name) => `${name}:${styles.getPropertyValue(name).trim()}`).join(";");
  const pad = 16;
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(width + pad * 2));
  clone.setAttribute("height", String(height + pad * 2));
  clone.setAttribute("viewBox", `${-pad} ${-pad} ${width + pad * 2} ${height + pad * 2}`);
  clone.setAttribute("style", `${vars};--anim-ms:0ms;background:${styles.getPropertyValue("--panel")}`);
  clone.classList.remove("focusing");
  clone.querySelector("g")?.removeAttribute("transform");
  clone.querySelector(".ghosts")?.remove();
  for (const el of clone.querySelectorAll(".entering")) el.classList.remove("entering");
  return new XMLSerializer().serializeToString(clone);
}

function download(url: string, name: string): void {
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
}

/** Saves the drawing as `kubeplay-cluster.svg`. */
export function exportSvg(svg: SVGSVGElement, width: number, height: number): void {
  const url = URL.createObjectURL(new Blob([svgMarkup(svg, width, height)], { type: "image/svg+xml" }));
  download(url, "kubeplay-cluster.svg");
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves the drawing as `kubeplay-cluster.png` at twice its size (sharp on high-density screens). */
export async function exportPng(svg: SVGSVGElement, width: number, height: number): Promise<void> {
  const markup = svgMarkup(svg, width, height);
  const image = new Image();
  const url = URL.createObjectURL(new Blob([markup], { type: "image/svg+xml" }));
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error("the picture could not be drawn"));
    image.src = url;
  });
  const canvas = document.createElement("canvas");
  canvas.width = image.width * 2;
  canvas.height = image.height * 2;
  const context = canvas.getContext("2d");
  context?.scale(2, 2);
  context?.drawImage(image, 0, 0);
  URL.revokeObjectURL(url);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) return;
  const pngUrl = URL.createObjectURL(blob);
  download(pngUrl, "kubeplay-cluster.png");
  setTimeout(() => URL.revokeObjectURL(pngUrl), 1000);
}
