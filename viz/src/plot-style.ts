// Plot puts a <style> element inside every chart it draws. Adding or removing a style sheet
// makes the browser re-match every rule against the whole page, so replacing one chart a few
// times a second restyled every element on it (a third of each long frame). The same rules,
// installed once in the document head, style every chart alike.

const installed = new Set<string>();

/**
 * Takes the <style> elements out of a chart Plot drew, installs each distinct one once in the
 * document head, and returns their text (for exports, which must stand alone).
 */
export function hoistPlotStyles(chart: Element): string {
  let text = '';
  for (const style of [...chart.querySelectorAll('style')]) {
    const css = style.textContent ?? '';
    style.remove();
    text += css;
    if (installed.has(css)) continue;
    installed.add(css);
    const shared = document.createElement('style');
    shared.dataset.plot = '';
    shared.textContent = css;
    document.head.append(shared);
  }
  return text;
}

/** A copy of a chart's SVG with its Plot style put back, so it renders the same outside the page. */
export function withStyle(svg: SVGSVGElement, css: string): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  if (!css) return copy;
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = css;
  copy.prepend(style);
  return copy;
}
