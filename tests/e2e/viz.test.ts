import type { BrowserContext, Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageURL } from '../../cli/commands/view.js';
import { startViewServer, type ViewServer } from '../../viz/server.js';
import { distinctColours, hasChromium, launchBrowser } from './browser.js';
import { RECORD_FRAME_TIMES, startRecording, stopRecording, summariseFrames } from './frame-report.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'polycentric-e2e-'));
const shots = process.env.POLYCENTRIC_SHOTS ?? join(work, 'shots');

// Without Debian's Chromium there is no browser to drive; .ci/run installs it, so CI always runs these.
describe.skipIf(!hasChromium)('the visualizer in Chromium', () => {
  let server: ViewServer;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    const { build } = await import('vite');
    await build({ configFile: join(repo, 'viz/vite.config.ts'), logLevel: 'silent', build: { outDir: join(work, 'app'), emptyOutDir: true } });
    execFileSync(process.execPath, [join(repo, 'bin/polycentric.js'), 'run', join(repo, 'scenarios/boltzmann.json'), '--steps', '60', '--seed', '4', '--out', join(work, 'run')], { stdio: 'ignore' });
    server = await startViewServer({ appDir: join(work, 'app'), runDir: join(work, 'run') });
    context = await launchBrowser();
    await context.addInitScript({ content: RECORD_FRAME_TIMES });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (!process.env.POLYCENTRIC_SHOTS) rmSync(work, { recursive: true, force: true });
  });

  const step = async () => Number(await page.getAttribute('#step-count', 'data-step'));
  const chartText = (id: string) => page.locator(`[data-chart="${id}"] .chart-body`).innerHTML();
  async function screenshot(name: string): Promise<number> {
    const png = await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
    return distinctColours(page, png);
  }

  it('loads the live view of the default scenario with no console errors', async () => {
    await page.goto(server.url);
    await page.waitForSelector('#step-count[data-step="0"]');
    await page.waitForSelector('[data-chart="metric-gini_wealth"] svg');
    await page.waitForSelector('.map-marks circle');
    // The terrain never changes: it is an image, and the canvas (for layers that change) stays out of the page.
    await page.waitForSelector('.map img.terrain');
    expect(await page.locator('.map canvas').isHidden()).toBe(true);
    expect(problems).toEqual([]);
    expect(await page.locator('#scenario option').count()).toBeGreaterThanOrEqual(3);
  });

  it('opens a community’s panel with its members’ wealth when its circle is clicked', async () => {
    await page.locator('.map-marks circle').first().click();
    await page.waitForSelector('.community-panel h3');
    await page.waitForSelector('.community-panel svg[aria-label="Members by wealth"]');
    await page.click('.community-panel .close');
    expect(await page.locator('.community-panel').count()).toBe(0);
  });

  it('advances the step counter and the charts while playing, and measures the frame times', async () => {
    const before = await chartText('metric-gini_wealth');
    await startRecording(page);
    await page.click('#play');
    await page.waitForFunction(() => Number(document.querySelector('#step-count')!.getAttribute('data-step')) >= 60, undefined, { timeout: 30_000 });
    const report = summariseFrames(await stopRecording(page));
    const stepsPerSecond = Number(await page.getAttribute('#rate', 'data-steps-per-second'));
    const load = loadavg().map((value) => Number(value.toFixed(2)));
    console.log('frame times while the default scenario plays:', JSON.stringify({ ...report, workerStepsPerSecond: Math.round(stepsPerSecond), loadAverage: load }));
    expect(await chartText('metric-gini_wealth')).not.toBe(before);
    expect(stepsPerSecond).toBeGreaterThan(0);
    expect(report.frames).toBeGreaterThan(30);
    // "No frame longer than 50 ms on the main thread": no gap between frames over 50 ms (gaps are
    // whole display frames, so three of 16.7 ms at most; values are rounded to 0.1 ms), no long task
    // over 50 ms, and the page's own work (its performance.measure spans, summed per frame) within it.
    // It holds on two cores with the model's worker filling one and three other busy processes beside it.
    expect(report.medianFrameMs).toBeLessThanOrEqual(17);
    expect(report.maxFrameMs).toBeLessThanOrEqual(50);
    expect(report.longestTaskMs).toBeLessThanOrEqual(50);
    expect(report.pageWorkPerFrameMaxMs).toBeLessThanOrEqual(50);
    // Plot's per-chart style sheets live once in the head: one inside a chart restyles the whole page each redraw.
    expect(await page.locator('.chart-body style').count()).toBe(0);
    expect(await screenshot('live')).toBeGreaterThan(50);
  });

  it('stops when paused', async () => {
    await page.click('#play');
    await page.waitForSelector('#play[aria-pressed="false"]');
    // A step the worker had already finished when the pause reached it may still be drawn: let it land.
    await page.waitForTimeout(250);
    const paused = await step();
    await page.waitForTimeout(400);
    expect(await step()).toBe(paused);
  });

  it('builds a different run when a slider changes', async () => {
    await page.goto(`${server.url}#mode=live&scenario=scenarios%2Fboltzmann.json`);
    await page.waitForSelector('#step-count[data-step="0"]');
    for (let i = 0; i < 5; i++) await page.click('#step');
    await page.waitForSelector('#step-count[data-step="5"]');
    const before = await page.locator('[data-chart="histogram"] svg').innerHTML();
    await page.locator('#param-agents').evaluate((input: HTMLInputElement) => {
      input.value = '300';
      input.dispatchEvent(new Event('change'));
    });
    await page.waitForSelector('#step-count[data-step="0"]');
    expect(page.url()).toContain('set=params.agents');
    for (let i = 0; i < 5; i++) await page.click('#step');
    await page.waitForSelector('#step-count[data-step="5"]');
    await page.waitForTimeout(400);
    expect(await page.locator('[data-chart="histogram"] svg').innerHTML()).not.toBe(before);
  });

  it('exports a chart as a valid SVG, a PNG, and the metrics as CSV', async () => {
    const svgDownload = page.waitForEvent('download');
    await page.click('[data-chart="metric-gini_wealth"] button:has-text("SVG")');
    const svgText = readFileSync(await (await svgDownload).path(), 'utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName, ns: doc.documentElement.namespaceURI, paths: doc.querySelectorAll('path').length };
    }, svgText);
    expect(parsed).toMatchObject({ error: null, root: 'svg', ns: 'http://www.w3.org/2000/svg' });
    expect(parsed.paths).toBeGreaterThan(0);
    expect(svgText).toContain('Wealth inequality (Gini)');
    // The exported file carries the chart's style with it, as a file on its own must.
    expect(svgText).toContain('<style');
    const pngDownload = page.waitForEvent('download');
    await page.click('[data-chart="metric-gini_wealth"] button:has-text("PNG")');
    expect(readFileSync(await (await pngDownload).path()).subarray(1, 4).toString()).toBe('PNG');
    const csvDownload = page.waitForEvent('download');
    await page.click('#export-csv');
    expect(readFileSync(await (await csvDownload).path(), 'utf8')).toMatch(/^step,gini_wealth,total_wealth/);
  });

  it('replays a run folder made by the CLI and scrubs through it', async () => {
    await page.goto(pageURL(server.url, true));
    await page.waitForSelector('.replay-title:has-text("Replay: boltzmann")');
    await expect.poll(() => page.textContent('.replay-view .message')).toContain('61 rows of metrics');
    await page.waitForSelector('[data-chart="lorenz"] svg');
    await page.locator('#scrub').evaluate((input: HTMLInputElement) => {
      input.value = '20';
      input.dispatchEvent(new Event('input'));
    });
    await expect.poll(() => page.textContent('#replay-step')).toBe('20');
    expect(await page.textContent('.story .summary')).toContain('ran for 60 steps');
    expect(await screenshot('replay')).toBeGreaterThan(50);
  });

  it('compares two scenarios side by side with the same seed', async () => {
    await page.goto(`${server.url}#mode=compare&scenario=scenarios%2Fschelling.json&b=scenarios%2Fschelling.json&seed=3`);
    await page.waitForSelector('.maps .map-panel:nth-child(2) canvas');
    await page.click('#play');
    await page.waitForFunction(() => Number(document.querySelector('#step-count')!.getAttribute('data-step')) >= 10);
    await page.click('#play');
    const maps = page.locator('.maps .map:visible');
    expect(await maps.count()).toBe(2);
    await page.waitForSelector('[data-chart^="difference-"] svg');
    const labels = await page.locator('[data-chart^="metric-"]').first().textContent();
    expect(labels).toMatch(/A [\d.]+/);
    expect(labels).toMatch(/B [\d.]+/);
    for (let i = 0; i < 2; i++) {
      const png = await maps.nth(i).screenshot();
      expect(await distinctColours(page, png)).toBeGreaterThan(2);
    }
    expect(await screenshot('compare')).toBeGreaterThan(50);
  });

  it('opens a lesson with its question and Info panel', async () => {
    await page.goto(`${server.url}#mode=live&lesson=segregation`);
    await page.waitForSelector('.lesson .question');
    expect(await page.textContent('.lesson .question')).toContain('Predict');
    await page.waitForSelector('.map canvas');
    expect(await page.locator('#param-threshold').count()).toBe(1);
    expect(problems).toEqual([]);
  });
});
