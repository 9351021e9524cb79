import { formatNumber } from '../../sim/collector.js';
import type { MetricsTable } from './run-folder.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The words a figure carries with it when exported. */
export interface FigureText {
  title: string;
  subtitle?: string;
  caption?: string;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/**
 * A chart as a standalone SVG document: the chart nested under its title and subtitle, its
 * caption below, white background, fonts inlined by Plot's own style element.
 */
export function figureToSVG(chart: SVGSVGElement, text: FigureText): string {
  const width = Number(chart.getAttribute('width')) || chart.viewBox.baseVal.width || 640;
  const height = Number(chart.getAttribute('height')) || chart.viewBox.baseVal.height || 400;
  const top = text.subtitle ? 46 : 28;
  const bottom = text.caption ? 24 : 6;
  const inner = chart.cloneNode(true) as SVGSVGElement;
  inner.setAttribute('x', '0');
  inner.setAttribute('y', String(top));
  const body = new XMLSerializer().serializeToString(inner);
  const lines = [
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height + top + bottom}" viewBox="0 0 ${width} ${height + top + bottom}" font-family="system-ui, sans-serif">`,
    `<title>${escapeXml(text.title)}</title>`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="4" y="20" font-size="16" font-weight="bold">${escapeXml(text.title)}</text>`,
    text.subtitle ? `<text x="4" y="38" font-size="12" fill="#555">${escapeXml(text.subtitle)}</text>` : '',
    body,
    text.caption ? `<text x="4" y="${height + top + 16}" font-size="11" fill="#555">${escapeXml(text.caption)}</text>` : '',
    '</svg>',
  ];
  return lines.filter(Boolean).join('\n');
}

/** The chart's <svg> inside what Plot returned (a bare svg, or a figure holding title and svg). */
export function chartSVG(chart: Element): SVGSVGElement | undefined {
  if (chart instanceof SVGSVGElement) return chart;
  return chart.querySelector('svg:not(figure svg svg)') ?? chart.querySelector('svg') ?? undefined;
}

/** Rasterises an SVG document to a PNG at twice its size (sharp on projectors and in print). */
export async function svgToPNG(svgText: string): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width * 2;
    canvas.height = image.height * 2;
    const context = canvas.getContext('2d')!;
    context.scale(2, 2);
    context.drawImage(image, 0, 0);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG export failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The metrics as CSV, written the way the CLI writes metrics.csv. */
export function metricsToCSV(table: MetricsTable): string {
  let out = table.names.join(',') + '\n';
  for (let r = 0; r < table.rows; r++) out += table.names.map((name) => formatNumber(table.columns[name]![r]!)).join(',') + '\n';
  return out;
}

/** Offers a file to the user as a download. */
export function download(name: string, content: Blob | string, type = 'text/plain'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** A file name from a title: lower case, words joined by dashes. */
export function fileNameFor(title: string, extension: string): string {
  const stem = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'figure';
  return `${stem}.${extension}`;
}
