import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type AglStore, connect } from '@agl/client';
import { addLateReward, type SeededRollout, seedRollout } from '@agl/snapshot/testing';
import { freePort } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningStatusServer, startStatusServer } from '../src/server.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Only `pnpm --filter @agl/status screenshot` sets it: tests never write committed files. */
const PUBLISHED_SCREENSHOT = process.env.AGL_STATUS_SCREENSHOT;
const TOKEN = 'browser-test-token-0123456789';
const WAIT = { timeout: 30_000 };
const LONG_AGENT = `agent-${'without-any-break-'.repeat(24)}end`;
const QUEUED = 15;

describe('the status page in headless Chromium', () => {
  const agl = useAglStore('0.3.0');
  let store: AglStore;
  let server: RunningStatusServer;
  let browser: Browser;
  let page: Page;
  let output: string;
  let unrewarded: SeededRollout;
  let calc: SeededRollout | undefined;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `No Chromium at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH.`,
      );
    }
    output = await mkdtemp(join(tmpdir(), 'agl-status-page-'));
    store = await connect(agl.url);
    for (let i = 0; i < QUEUED; i += 1) await seedRollout(store, { status: 'queuing' });
    unrewarded = await seedRollout(store, { agent: LONG_AGENT, tokens: [10, 2] });
    const agents = ['calc', 'writer', 'researcher'];
    for (let i = 0; i < 9; i += 1) {
      const kind = i % 5;
      const seeded = await seedRollout(store, {
        status: kind === 0 ? 'failed' : kind === 1 ? 'queuing' : 'succeeded',
        agent: agents[i % 3] as string,
        tokens: [800 + i * 37, 120 + i * 9],
        ...(kind >= 2 ? { reward: Math.round((0.4 + i * 0.06) * 100) / 100 } : {}),
        ...(kind === 0 ? { error: 'tool "search" failed: upstream returned 502' } : {}),
      });
      if (kind >= 2 && agents[i % 3] === 'calc') calc = seeded;
    }
    server = await startStatusServer(
      {
        endpoint: agl.url,
        host: '127.0.0.1',
        port: await freePort(),
        token: TOKEN,
        pollIntervalMs: 300,
      },
      (endpoint) => connect(endpoint),
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('ERR_CONNECTION_REFUSED')) {
        problems.push(`console: ${message.text()}`);
      }
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (output && !process.env.KEEP_SCREENSHOTS) await rm(output, { recursive: true, force: true });
  });

  const count = (status: string) => page.locator(`#count-${status}`);
  const total = 9 + QUEUED + 1;

  it('opens with the token once, then shows the store from a session cookie', async () => {
    const response = await page.goto(`${server.url}/?token=${TOKEN}`);
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(`${server.url}/`);
    await page.locator('#rollouts tr').nth(19).waitFor(WAIT);
    await expect.poll(() => count('succeeded').textContent(), WAIT).toBe('6');
    expect(await page.locator('#total-rollouts').textContent()).toBe(String(total));
    expect(await page.locator('#rewards-count').textContent()).toBe('5');
    expect(await page.locator('#dialect').textContent()).toContain('AGL 0.3');
    await page.locator('#live.on').waitFor(WAIT);
  });

  it('keeps a very long agent name from scrolling the page sideways', async () => {
    await page.locator(`#rollouts tr[data-rollout-id="${unrewarded.rolloutId}"]`).waitFor(WAIT);
    // Evaluated in the page; written as text because this package compiles without DOM types.
    const widths = (await page.evaluate(
      '({ page: document.documentElement.scrollWidth, window: document.documentElement.clientWidth })',
    )) as { page: number; window: number };
    expect(widths.page).toBeLessThanOrEqual(widths.window);
    const agentCell = page.locator(`tr[data-rollout-id="${unrewarded.rolloutId}"] td.agent`);
    expect(await agentCell.getAttribute('title')).toBe(LONG_AGENT);
  });

  it('pages to older rollouts and back', async () => {
    expect(await page.locator('#table-note').textContent()).toBe(`1–20 of ${total}`);
    await page.locator('#older').click();
    await expect.poll(() => page.locator('#table-title').textContent(), WAIT).toContain('page 2');
    expect(await page.locator('#rollouts tr').count()).toBe(total - 20);
    expect(await page.locator('#table-note').textContent()).toBe(`21–${total} of ${total}`);
    expect(await page.locator('#older').isDisabled()).toBe(true);
    await page.locator('#newer').click();
    await expect.poll(() => page.locator('#rollouts tr').count(), WAIT).toBe(20);
    expect(await page.locator('#table-title').textContent()).toBe('Latest rollouts');
  });

  it('opens a rollout with its attempts and its spans as a timeline', async () => {
    const id = calc?.rolloutId as string;
    await page.locator(`#rollouts tr[data-rollout-id="${id}"] td.id a`).click();
    await page.locator('#detail').waitFor({ state: 'visible', ...WAIT });
    await expect.poll(() => page.locator('#detail-spans tr').count(), WAIT).toBe(3);
    expect(await page.locator('#detail-id').textContent()).toBe(id);
    expect(await page.locator('#detail-facts').textContent()).toContain('agent calc');
    expect(await page.locator('#detail-attempts tr').count()).toBe(1);
    const names = await page.locator('#detail-spans td.span-name').allTextContents();
    expect(names).toEqual(['invoke_agent calc', 'chat offline-model', 'agentlightning.reward']);
    expect(await page.locator('#detail-spans tr').nth(2).textContent()).toMatch(/reward 0\.\d+/);
    expect(await page.locator('#detail-spans .span-bar').count()).toBe(3);
    expect(await page.locator('#list').isHidden()).toBe(true);
    await page.screenshot({ path: join(output, 'status-page-detail.png'), fullPage: true });
    await page.locator('#detail a[href="#"]').click();
    await page.locator('#list').waitFor({ state: 'visible', ...WAIT });
  });

  it('counts a reward added to a finished rollout after the page opened', async () => {
    await addLateReward(store, unrewarded, 0.9);
    await expect.poll(() => page.locator('#rewards-count').textContent(), WAIT).toBe('6');
  });

  it('shows a rollout added through the client without a reload', async () => {
    const before = Number(await count('running').textContent());
    const added = await seedRollout(store, {
      status: 'running',
      agent: 'live-demo',
      tokens: [512, 64],
    });
    const row = page.locator(`#rollouts tr[data-rollout-id="${added.rolloutId}"]`);
    await row.waitFor(WAIT);
    await expect.poll(() => count('running').textContent(), WAIT).toBe(String(before + 1));
    expect(await row.locator('td').nth(1).textContent()).toBe('live-demo');

    await store.updateAttempt(added.rolloutId, added.attemptId as string, { status: 'succeeded' });
    await row.locator('.status.succeeded').waitFor(WAIT);
    await expect.poll(() => count('succeeded').textContent(), WAIT).toBe('7');
    await page.waitForSelector('#chart-empty', { state: 'hidden', ...WAIT });
    // Let the highlight of the changed row fade before the picture is taken.
    await page.waitForTimeout(3000);
    const screenshot = join(output, 'status-page.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    if (PUBLISHED_SCREENSHOT) await copyFile(screenshot, resolve(PUBLISHED_SCREENSHOT));
  });

  it('says when AGL is unreachable and recovers by itself', async () => {
    await agl.kill();
    await page.locator('#agl-banner').waitFor({ state: 'visible', ...WAIT });
    expect(await page.locator('#agl-problem').textContent()).toBe('AGL is unreachable');
    expect(await page.locator('#agl-hint').textContent()).toContain('pnpm agl:server');
    await agl.start();
    await page.locator('#agl-banner').waitFor({ state: 'hidden', ...WAIT });
    // The restarted store is empty (AGL keeps rollouts in memory).
    await expect.poll(() => page.locator('#total-rollouts').textContent(), WAIT).toBe('0');
    await expect.poll(() => page.locator('#rollouts tr').count(), WAIT).toBe(0);
  });

  it('ran without script errors', () => {
    expect(problems).toEqual([]);
  });
});
