import { describe, expect, it } from 'vitest';
import {
  TRACELOOP_RUN_SPAN_NAME,
  traceloopRunInput,
  traceloopRunName,
} from './traceloop-entity.ts';

const workflow = (input?: string) => ({
  'traceloop.span.kind': 'workflow',
  'traceloop.entity.name': 'weather-workflow',
  ...(input === undefined ? {} : { 'traceloop.entity.input': input }),
});

describe('OpenLLMetry workflow and agent spans', () => {
  it('are named after the entity, other kinds not at all', () => {
    expect(traceloopRunName(workflow())).toBe('weather-workflow');
    expect(
      traceloopRunName({ 'traceloop.span.kind': 'agent', 'traceloop.entity.name': 'planner' }),
    ).toBe('planner');
    expect(
      traceloopRunName({ 'traceloop.span.kind': 'task', 'traceloop.entity.name': 'fetch' }),
    ).toBeUndefined();
    expect(traceloopRunName({ 'traceloop.span.kind': 'workflow' })).toBeUndefined();
  });

  it('take a single argument, or the one keyword object, as the input', () => {
    expect(traceloopRunInput(workflow('{"args":["Weather in Paris?"],"kwargs":{}}'))).toBe(
      'Weather in Paris?',
    );
    expect(traceloopRunInput(workflow('{"args":[],"kwargs":{"question":"why"}}'))).toEqual({
      question: 'why',
    });
    expect(traceloopRunInput(workflow('{"args":["a",2],"kwargs":{}}'))).toEqual({
      args: ['a', 2],
      kwargs: {},
    });
  });

  it('have no input when called without arguments or recorded without content', () => {
    expect(traceloopRunInput(workflow('{"args":[],"kwargs":{}}'))).toBeUndefined();
    expect(traceloopRunInput(workflow())).toBeUndefined();
    expect(
      traceloopRunInput({ 'traceloop.span.kind': 'task', 'traceloop.entity.input': '"x"' }),
    ).toBeUndefined();
  });

  it('keep an input that is not JSON as its text', () => {
    expect(traceloopRunInput(workflow('plain text'))).toBe('plain text');
  });

  it('are recognised by name before their attributes are set', () => {
    expect(TRACELOOP_RUN_SPAN_NAME.test('weather-workflow.workflow')).toBe(true);
    expect(TRACELOOP_RUN_SPAN_NAME.test('planner.agent')).toBe(true);
    expect(TRACELOOP_RUN_SPAN_NAME.test('fetch.task')).toBe(false);
    expect(TRACELOOP_RUN_SPAN_NAME.test('.workflow')).toBe(false);
  });
});
