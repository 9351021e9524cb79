import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The Okabe–Ito palette's orange and blue: distinguishable with every common colour-vision deficiency. */
export const SETUP_COLOURS = { A: '#E69F00', B: '#0072B2' } as const;

/**
 * A page that opens from disk with no network: d3 and Observable Plot are inlined, the data sits in
 * a JSON script block, and `render` (browser code, as text) draws the charts from `data`.
 */
export function selfContainedPage(options: { title: string; body: string; data: unknown; render: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<link rel="icon" href="data:,">
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #222; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 1rem 0; }
th, td { padding: 0.2rem 0.6rem; border-bottom: 1px solid #ddd; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem; }
.charts figure { margin: 0; }
.note { color: #555; }
</style>
</head>
<body>
${options.body}
<script>${inlineScript(packageFile('d3', 'dist/d3.min.js'))}</script>
<script>${inlineScript(packageFile('@observablehq/plot', 'dist/plot.umd.min.js'))}</script>
<script id="data" type="application/json">${JSON.stringify(options.data).replaceAll('<', '\\u003c')}</script>
<script>
const data = JSON.parse(document.getElementById('data').textContent);
${options.render}
</script>
</body>
</html>
`;
}

/** Text safe inside HTML. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function inlineScript(code: string): string {
  // A literal "</script" inside inlined code would end the script element early.
  return code.replaceAll('</script', '<\\/script');
}

/** A file of an installed package (its browser bundle), found from the package's root. */
function packageFile(name: string, file: string): string {
  let folder = dirname(createRequire(import.meta.url).resolve(name));
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder);
  return readFileSync(join(folder, file), 'utf8');
}
