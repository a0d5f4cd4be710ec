import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type AglStore, connect } from '@agl/client';
import { seedRollout } from '@agl/snapshot/testing';
import { freePort } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningStatusServer, startStatusServer } from '../src/server.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT = fileURLToPath(new URL('../docs/status-page.png', import.meta.url));
const TOKEN = 'browser-test-token-0123456789';
const WAIT = { timeout: 30_000 };

describe('the status page in headless Chromium', () => {
  const agl = useAglStore('0.3.0');
  let store: AglStore;
  let server: RunningStatusServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `No Chromium at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH.`,
      );
    }
    store = await connect(agl.url);
    const agents = ['calc', 'writer', 'researcher'];
    for (let i = 0; i < 9; i += 1) {
      const kind = i % 5;
      await seedRollout(store, {
        status: kind === 0 ? 'failed' : kind === 1 ? 'queuing' : 'succeeded',
        agent: agents[i % 3] as string,
        tokens: [800 + i * 37, 120 + i * 9],
        ...(kind >= 2 ? { reward: Math.round((0.4 + i * 0.06) * 100) / 100 } : {}),
        ...(kind === 0 ? { error: 'tool "search" failed: upstream returned 502' } : {}),
      });
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
  });

  const count = (status: string) => page.locator(`#count-${status}`);

  it('opens with the token once, then shows the store from a session cookie', async () => {
    const response = await page.goto(`${server.url}/?token=${TOKEN}`);
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(`${server.url}/`);
    await page.locator('#rollouts tr').nth(8).waitFor(WAIT);
    await expect.poll(() => count('succeeded').textContent(), WAIT).toBe('5');
    expect(await page.locator('#total-rollouts').textContent()).toBe('9');
    expect(await page.locator('#rewards-count').textContent()).toBe('5');
    expect(await page.locator('#dialect').textContent()).toContain('AGL 0.3');
    await page.locator('#live.on').waitFor(WAIT);
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
    await expect.poll(() => count('succeeded').textContent(), WAIT).toBe('6');
    await page.waitForSelector('#chart-empty', { state: 'hidden', ...WAIT });
    await mkdir(fileURLToPath(new URL('../docs/', import.meta.url)), { recursive: true });
    // Let the highlight of the changed row fade before the picture is taken.
    await page.waitForTimeout(3000);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('says when AGL is unreachable and recovers by itself', async () => {
    await agl.kill();
    await page.locator('#agl-banner').waitFor({ state: 'visible', ...WAIT });
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
