import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRunFolder, pageURL } from '../../cli/commands/view.js';
import { resolveRequest, startViewServer, type ViewServer } from '../../viz/server.js';

const base = mkdtempSync(join(tmpdir(), 'polycentric-view-'));
const appDir = join(base, 'app');
const runDir = join(base, 'run');
const secret = join(base, 'secret.txt');
mkdirSync(join(appDir, 'assets'), { recursive: true });
mkdirSync(runDir);
writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>app</title>');
writeFileSync(join(appDir, 'assets', 'main.js'), 'console.log(1)');
writeFileSync(join(runDir, 'metrics.csv'), 'step,a\n0,1\n');
writeFileSync(secret, 'not yours');
symlinkSync(secret, join(runDir, 'escape.txt'));
symlinkSync(base, join(appDir, 'up'));
const roots = { appDir, runDir };
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A raw GET, path sent exactly as written (no client-side normalisation). */
function get(server: ViewServer, path: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('what the view server resolves', () => {
  it('serves the app and the run folder under /run/', () => {
    expect(resolveRequest('/', roots)).toEqual({ file: expect.stringMatching(/app\/index\.html$/) });
    expect(resolveRequest('/assets/main.js?v=1', roots)).toEqual({ file: expect.stringMatching(/assets\/main\.js$/) });
    expect(resolveRequest('/run/metrics.csv', roots)).toEqual({ file: expect.stringMatching(/run\/metrics\.csv$/) });
  });

  it('refuses dot-dot segments, plain or percent-encoded in any case', () => {
    for (const path of ['/../secret.txt', '/run/../secret.txt', '/run/%2e%2e/secret.txt', '/run/%2E%2E%2Fsecret.txt', '/assets/..%2f..%2fsecret.txt']) {
      expect(resolveRequest(path, roots)).toMatchObject({ status: 403 });
    }
  });

  it('refuses symbolic links that lead out of the served folders', () => {
    expect(resolveRequest('/run/escape.txt', roots)).toMatchObject({ status: 403 });
    expect(resolveRequest('/up/secret.txt', roots)).toMatchObject({ status: 403 });
  });

  it('refuses absolute paths, backslashes, NUL bytes and bad encodings', () => {
    expect(resolveRequest(secret, roots)).toMatchObject({ status: 404 });
    expect(resolveRequest('http://evil/x', roots)).toMatchObject({ status: 400 });
    expect(resolveRequest('/run/..\\secret.txt', roots)).toMatchObject({ status: 400 });
    expect(resolveRequest('/index.html%00.png', roots)).toMatchObject({ status: 400 });
    expect(resolveRequest('/%E0%A4%A', roots)).toMatchObject({ status: 400 });
  });

  it('has no run folder to serve when none was chosen, and lists no folders', () => {
    expect(resolveRequest('/run/metrics.csv', { appDir })).toMatchObject({ status: 404 });
    expect(resolveRequest('/assets/', roots)).toMatchObject({ status: 404 });
  });
});

describe('the view server', () => {
  let server: ViewServer;
  beforeAll(async () => {
    server = await startViewServer(roots);
  });
  afterAll(async () => {
    await server.close();
  });

  it('binds to 127.0.0.1 by default', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('answers with the app, isolation headers and the run files', async () => {
    const page = await get(server, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>app</title>');
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(page.headers['cross-origin-embedder-policy']).toBe('require-corp');
    expect((await get(server, '/run/metrics.csv')).body).toBe('step,a\n0,1\n');
  });

  it('never returns a file outside the app and the run folder', async () => {
    for (const path of ['/../secret.txt', '/run/../../secret.txt', '/run/%2e%2e/secret.txt', '/run/escape.txt', '//' + secret]) {
      const response = await get(server, path);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.body).not.toContain('not yours');
    }
  });
});

describe('the view command', () => {
  it('accepts a run folder and rejects what is not one, naming it', () => {
    expect(checkRunFolder(runDir)).toBe(runDir);
    expect(() => checkRunFolder(join(base, 'nope'))).toThrow(/\[run-dir\]: expected an existing run folder, found ".*nope"/);
    expect(() => checkRunFolder(appDir)).toThrow('metrics.csv: expected a run folder made by `polycentric run`');
  });

  it('prints a URL that opens the run in replay mode', () => {
    expect(pageURL('http://127.0.0.1:5000/', true)).toBe('http://127.0.0.1:5000/#mode=replay&run=run%2F');
    expect(pageURL('http://127.0.0.1:5000/', false)).toBe('http://127.0.0.1:5000/');
  });
});
