// The status page in headless Chromium against a real agl-server 1.0.2: counts, rewards and the
// newest rollouts from the 1.0 snapshot, live updates, and why span views are empty.
import { existsSync } from 'node:fs';
import { AglServerClient, connect } from '@agl/client';
import { freePort } from '@agl/testkit';
import { useAglServer } from '@agl/testkit/vitest';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningStatusServer, startStatusServer } from '../src/server.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const KEY = 'page-1-key';
const WAIT = { timeout: 30_000 };

describe('the status page on agl-server 1.0.2 in headless Chromium', () => {
  const agl = useAglServer({ key: KEY });
  let client: AglServerClient;
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
    client = new AglServerClient(agl.url, { key: KEY });
    await client.createRollouts([
      { rollout_id: 'p-done', input: { post: 'a' }, metadata: { agent_name: 'postAnalyzer' } },
      { rollout_id: 'p-waiting', input: { post: 'b' } },
    ]);
    await client.claimRollout('p-done', '0');
    await client.postReward('p-done', '0', 0.25);
    await client.finishRollout('p-done', 'succeeded');
    server = await startStatusServer(
      {
        endpoint: agl.url,
        host: '127.0.0.1',
        port: await freePort(),
        token: null,
        pollIntervalMs: 300,
        key: KEY,
      },
      (endpoint) => connect(endpoint),
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the 1.0 server: version, counts, rollouts with their rewards', async () => {
    expect((await page.goto(`${server.url}/`))?.status()).toBe(200);
    await expect.poll(() => page.locator('#dialect').textContent(), WAIT).toContain('AGL 1.0');
    expect(await page.locator('#count-succeeded').textContent()).toBe('1');
    expect(await page.locator('#count-queuing').textContent()).toBe('1');
    expect(await page.locator('#total-rollouts').textContent()).toBe('2');
    expect(await page.locator('#total-spans').textContent()).toBe('–');
    expect(await page.locator('#rollouts tr').count()).toBe(2);
    const done = page.locator('#rollouts tr[data-rollout-id="p-done"]');
    expect(await done.textContent()).toContain('postAnalyzer');
    expect(await done.textContent()).toContain('0.25');
    expect(await page.locator('#chart-empty').textContent()).toContain('AGL 1.0 keeps no spans');
    expect(await page.locator('#agl-banner').isHidden()).toBe(true);
  });

  it('updates live when a rollout finishes', async () => {
    await page.locator('#live.on').waitFor(WAIT);
    await client.claimRollout('p-waiting', '0');
    await client.finishRollout('p-waiting', 'failed', 'the agent crashed');
    await expect.poll(() => page.locator('#count-failed').textContent(), WAIT).toBe('1');
    const failed = page.locator('#rollouts tr[data-rollout-id="p-waiting"]');
    await expect.poll(() => failed.textContent(), WAIT).toContain('the agent crashed');
  });

  it('opens a rollout and says why it has no span view', async () => {
    await page.locator('#rollouts tr[data-rollout-id="p-done"] td.id a').click();
    await page.locator('#detail').waitFor({ state: 'visible', ...WAIT });
    await expect
      .poll(() => page.locator('#detail-facts').textContent(), WAIT)
      .toContain('agent postAnalyzer');
    expect(await page.locator('#detail-facts').textContent()).toContain('reward 0.25');
    expect(await page.locator('#detail-empty').textContent()).toContain('AGL 1.0 keeps no spans');
    expect(await page.locator('#detail-empty').isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });
});
