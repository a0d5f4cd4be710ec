import { describe, expect, it } from 'vitest';
import { ToolCallParents } from './tool-call-parents.ts';

const call = (id: string, args = '{}') => ({ id, arguments: args });

describe('ToolCallParents', () => {
  it('finds the issuing span and arguments per trace and tool call id', () => {
    const parents = new ToolCallParents();
    parents.remember('t1', 'llm-a', [call('call_1'), call('call_2', '{"x":1}'), call('')]);
    parents.remember('t2', 'llm-b', [call('call_1')]);
    expect(parents.issuerOf('t1', 'call_2')).toEqual({ spanId: 'llm-a', arguments: '{"x":1}' });
    expect(parents.issuerOf('t2', 'call_1')?.spanId).toBe('llm-b');
    expect(parents.issuerOf('t1', '')).toBeUndefined();
  });

  it('forgets the oldest entries beyond its capacity', () => {
    const parents = new ToolCallParents(2);
    parents.remember('t', 'llm', [call('a'), call('b'), call('c')]);
    expect(parents.issuerOf('t', 'a')).toBeUndefined();
    expect(parents.issuerOf('t', 'c')?.spanId).toBe('llm');
  });
});
