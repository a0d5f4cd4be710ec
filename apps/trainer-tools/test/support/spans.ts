import type { Attributes, Span } from '@agl/client';
import { makeSpan } from '@agl/snapshot/testing';

let sequence = 0;

/** A span with the fields span-tree logic looks at; ids are 16 hex digits padded from `id`. */
export function span(
  id: string,
  parent: string | null,
  name: string,
  [start, end]: [number, number],
  attributes: Attributes = {},
): Span {
  sequence += 1;
  return makeSpan({
    span_id: hex(id),
    parent_id: parent === null ? null : hex(parent),
    sequence_id: sequence,
    name,
    start_time: 1000 + start,
    end_time: 1000 + end,
    attributes,
  });
}

export function hex(id: string): string {
  return id.padStart(16, '0');
}

/** A reward span in both AGL formats. */
export function rewardSpan(id: string, parent: string | null, at: number, value: number): Span {
  return span(id, parent, 'agentlightning.reward', [at, at], {
    reward: value,
    'agentlightning.reward.0.name': 'primary',
    'agentlightning.reward.0.value': value,
  });
}
