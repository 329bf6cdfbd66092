import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

/**
 * The report's palette, each colour checked against the white page: text and the marks that carry
 * data at 4.5:1 or more (WCAG AA for text; 3:1 is the bar for graphics), so a chart read in print or
 * by someone with low vision loses nothing. Series are told apart by shape and dash too, never by
 * colour alone.
 */
export const PALETTE = {
  text: "#1f2328",
  muted: "#57606a",
  primary: "#0b5cad",
  secondary: "#b3261e",
  band: "#1a7f37",
  bandFill: "#e6f4ea",
} as const;

const CONFIG = {
  font: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  background: "white",
  view: { stroke: null },
  axis: {
    labelColor: PALETTE.text,
    titleColor: PALETTE.text,
    domainColor: PALETTE.muted,
    tickColor: PALETTE.muted,
    gridColor: "#d0d7de",
    labelFontSize: 12,
    titleFontSize: 12,
  },
  legend: { labelColor: PALETTE.text, titleColor: PALETTE.text, labelFontSize: 12, titleFontSize: 12 },
  title: { color: PALETTE.text, fontSize: 14, anchor: "start" },
} as const;

/**
 * A Vega-Lite chart rendered to a static SVG string by Vega's headless renderer (no browser, no
 * canvas, no script in the page that shows it).
 */
export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const compiled = compile({ ...spec, config: { ...CONFIG, ...spec.config } }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
