import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
page.on('console', (m) => console.log('console:', m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(process.argv[2] ?? 'http://127.0.0.1:47481/');
await page.waitForTimeout(Number(process.argv[4] ?? 3000));
await page.screenshot({ path: process.argv[3] ?? '/tmp/status-scratch/shot.png', fullPage: true });
await browser.close();
