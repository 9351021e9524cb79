import { createReadStream, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, join, relative } from 'node:path';

/** The URL prefix the chosen run folder is served under. */
export const RUN_PREFIX = '/run/';

/** What the server may serve: the built app, and optionally one run folder. */
export interface ServeRoots {
  appDir: string;
  runDir?: string;
}

/** Where a request leads: a file to send, or a refusal with its status. */
export type Resolution = { file: string } | { status: 400 | 403 | 404; reason: string };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ndjson': 'application/x-ndjson; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Maps a raw request path to a file under the app or the run folder, refusing anything else:
 * `..` segments (encoded or not), backslashes, NUL bytes, and symbolic links that lead out.
 */
export function resolveRequest(rawPath: string, roots: ServeRoots): Resolution {
  let path: string;
  try {
    path = decodeURIComponent(rawPath.split(/[?#]/)[0]!);
  } catch {
    return { status: 400, reason: 'malformed URL encoding' };
  }
  if (!path.startsWith('/') || path.includes('\0') || path.includes('\\')) return { status: 400, reason: 'malformed path' };
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) return { status: 403, reason: 'path leaves the served folders' };
  const underRun = path.startsWith(RUN_PREFIX) || path === RUN_PREFIX.slice(0, -1);
  if (underRun && !roots.runDir) return { status: 404, reason: 'no run folder is being served' };
  const root = underRun ? roots.runDir! : roots.appDir;
  const rest = underRun ? segments.slice(1) : segments;
  const wanted = rest.length === 0 && !underRun ? 'index.html' : join(...(rest.length ? rest : ['.']));
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = realpathSync(root);
    realFile = realpathSync(join(root, wanted));
  } catch {
    return { status: 404, reason: 'not found' };
  }
  if (!inside(realRoot, realFile)) return { status: 403, reason: 'path leaves the served folders' };
  if (!statSync(realFile).isFile()) return { status: 404, reason: 'not a file' };
  return { file: realFile };
}

function respond(request: IncomingMessage, response: ServerResponse, roots: ServeRoots): void {
  const headers = {
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
    return;
  }
  const resolution = resolveRequest(request.url ?? '/', roots);
  if ('status' in resolution) {
    response.writeHead(resolution.status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end(`${resolution.status}: ${resolution.reason}\n`);
    return;
  }
  response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(resolution.file)] ?? 'application/octet-stream' });
  if (request.method === 'HEAD') response.end();
  else createReadStream(resolution.file).pipe(response);
}

/** A running server and the address it answers on. */
export interface ViewServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Serves the app (and the run folder under /run/) on host:port (port 0 picks a free one). */
export function startViewServer(roots: ServeRoots, host = '127.0.0.1', port = 0): Promise<ViewServer> {
  const server = createServer((request, response) => respond(request, response, roots));
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolvePromise({
        server,
        url: `http://${shownHost}:${address.port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
