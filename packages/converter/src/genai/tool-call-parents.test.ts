import { describe, expect, it } from 'vitest';
import { ToolCallParents } from './tool-call-parents.ts';

describe('ToolCallParents', () => {
  it('finds the issuing span per trace and tool call id', () => {
    const parents = new ToolCallParents();
    parents.remember('t1', 'llm-a', ['call_1', 'call_2', '']);
    parents.remember('t2', 'llm-b', ['call_1']);
    expect(parents.issuerOf('t1', 'call_2')).toBe('llm-a');
    expect(parents.issuerOf('t2', 'call_1')).toBe('llm-b');
    expect(parents.issuerOf('t1', '')).toBeUndefined();
  });

  it('forgets the oldest entries beyond its capacity', () => {
    const parents = new ToolCallParents(2);
    parents.remember('t', 'llm', ['a', 'b', 'c']);
    expect(parents.issuerOf('t', 'a')).toBeUndefined();
    expect(parents.issuerOf('t', 'c')).toBe('llm');
  });
});
