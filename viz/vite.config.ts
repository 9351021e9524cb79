import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const vizRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

// Cross-origin isolation lets the page use SharedArrayBuffer and precise timers;
// `preview` inherits the same headers, and `polycentric view` sends them too.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** The visualizer's build: root viz/, output viz/dist/, relative asset paths so any web server works. */
export default defineConfig({
  root: vizRoot,
  base: './',
  server: { host: '127.0.0.1', headers: isolation, fs: { allow: [repoRoot] } },
  preview: { host: '127.0.0.1', headers: isolation },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  worker: { format: 'es' },
});
