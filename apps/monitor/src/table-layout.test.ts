import { describe, expect, it } from 'vitest';
import { layoutColumns } from './table-layout.ts';

function ids(width: number): string[] {
  return layoutColumns(width).map((column) => column.id);
}

function used(width: number): number {
  const columns = layoutColumns(width);
  return 2 + columns.reduce((sum, column) => sum + column.width, 0) + 2 * (columns.length - 1);
}

describe('layoutColumns', () => {
  it('shows every column on a wide terminal and grows the agent column', () => {
    expect(ids(120)).toEqual([
      'id',
      'agent',
      'status',
      'started',
      'duration',
      'spans',
      'tokens',
      'reward',
    ]);
    const agent = layoutColumns(120).find((column) => column.id === 'agent');
    expect(agent?.width).toBeGreaterThan(10);
  });

  it('drops tokens, then agent, then started, then spans, then reward as the terminal narrows', () => {
    expect(ids(85)).toContain('tokens');
    expect(ids(84)).not.toContain('tokens');
    expect(ids(84)).toContain('agent');
    expect(ids(73)).toEqual(['id', 'status', 'started', 'duration', 'spans', 'reward']);
    expect(ids(61)).toEqual(['id', 'status', 'duration', 'spans', 'reward']);
    expect(ids(52)).toEqual(['id', 'status', 'duration', 'reward']);
    expect(ids(45)).toEqual(['id', 'status', 'duration']);
  });

  it('never uses more than the width while the essential columns fit', () => {
    for (let width = 40; width <= 200; width += 1) {
      expect(used(width)).toBeLessThanOrEqual(width);
    }
  });

  it('shrinks the id column on very narrow terminals', () => {
    const id = layoutColumns(30).find((column) => column.id === 'id');
    expect(id?.width).toBeLessThan(15);
    expect(used(30)).toBeLessThanOrEqual(30);
  });
});
