import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration.ts';
import { ProgressBar } from './progress-bar.ts';

function setup(isTTY: boolean) {
  let now = 0;
  const written: string[] = [];
  const bar = new ProgressBar(
    { isTTY, columns: 200, write: (text) => written.push(text) },
    { label: 'eval', clock: () => now, lineEveryMs: 5000, redrawMs: 100 },
  );
  return { bar, written, advance: (ms: number) => (now += ms) };
}

describe('ProgressBar', () => {
  it('shows count, percentage, rate and ETA', () => {
    const { bar, advance } = setup(false);
    bar.setTotal(100);
    advance(10_000);
    bar.tick(25, 'rewarded 25');
    expect(bar.line()).toBe(
      `eval  [${'█'.repeat(6)}${'░'.repeat(18)}]  25/100  25%  2.5/s  ETA 30s  rewarded 25`,
    );
  });

  it('on a terminal redraws in place, at most every 100 ms, and clears at the end', () => {
    const { bar, written, advance } = setup(true);
    bar.setTotal(3);
    bar.tick();
    advance(150);
    bar.tick();
    bar.tick();
    bar.finish();
    expect(written).toHaveLength(4);
    expect(written.every((text) => text.startsWith('\r\x1b[2K'))).toBe(true);
    expect(written[2]).toContain('3/3  100%');
    expect(written[3]).toBe('\r\x1b[2K');
  });

  it('elsewhere prints a line every few seconds and a last one', () => {
    const { bar, written, advance } = setup(false);
    bar.setTotal(10);
    for (let i = 0; i < 10; i += 1) {
      advance(1_000);
      bar.tick();
    }
    bar.finish();
    bar.finish();
    expect(written.map((line) => line.match(/ (\d+)\/10 /)?.[1])).toEqual(['1', '6', '10']);
    expect(written.every((line) => line.endsWith('\n') && !line.includes('\r'))).toBe(true);
    expect(written[2]).toContain('elapsed 10s');
  });

  it('works without a total', () => {
    const { bar, advance } = setup(false);
    advance(2_000);
    bar.tick(40);
    expect(bar.line()).toBe('eval  40  20/s  elapsed 2s');
  });
});

describe('formatDuration', () => {
  it.each([
    [850, '850ms'],
    [42_000, '42s'],
    [185_000, '3m 05s'],
    [7_620_000, '2h 07m'],
    [Number.NaN, '?'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
