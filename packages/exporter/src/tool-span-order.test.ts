import { describe, expect, it } from 'vitest';
import { releasesWaitingToolSpans, waitsForModelCall } from './tool-span-order.ts';

describe('AI SDK tool spans waiting for their model call', () => {
  it('holds AI SDK tool executions only', () => {
    expect(waitsForModelCall({ 'ai.operationId': 'ai.toolCall' })).toBe(true);
    expect(waitsForModelCall({ 'ai.operationId': 'ai.streamText.doStream' })).toBe(false);
    expect(waitsForModelCall({ 'gen_ai.operation.name': 'execute_tool' })).toBe(false);
    expect(waitsForModelCall({})).toBe(false);
  });

  it('releases them after a model call or a top-level AI SDK call, not after another tool', () => {
    expect(releasesWaitingToolSpans({ 'ai.operationId': 'ai.streamText.doStream' })).toBe(true);
    expect(releasesWaitingToolSpans({ 'ai.operationId': 'ai.streamText' })).toBe(true);
    expect(releasesWaitingToolSpans({ 'ai.operationId': 'ai.toolCall' })).toBe(false);
    expect(releasesWaitingToolSpans({ 'gen_ai.operation.name': 'chat' })).toBe(false);
  });
});
