import type { MaskInput } from '@agl/converter';
import { describe, expect, it } from 'vitest';
import { maskRolloutFields } from './mask-rollout.ts';

const EMAIL = /[\w.]+@[\w.]+/g;
const redactEmails = ({ value }: MaskInput) =>
  typeof value === 'string' ? value.replace(EMAIL, '<email>') : value;

describe('maskRolloutFields', () => {
  it('returns the fields untouched without a mask', () => {
    const fields = { input: { q: 'a@b.c' }, metadata: { user_id: 'a@b.c' } };
    expect(maskRolloutFields(fields, undefined)).toEqual({ ...fields, failures: 0 });
  });

  it('masks every string in the input and the metadata, at any depth', () => {
    const masked = maskRolloutFields(
      {
        input: { messages: [{ role: 'user', content: 'mail me at ann@example.com' }] },
        metadata: { user_id: 'ann@example.com', nested: { list: ['bob@example.com', 3] } },
      },
      redactEmails,
    );
    expect(masked.input).toEqual({ messages: [{ role: 'user', content: 'mail me at <email>' }] });
    expect(masked.metadata).toEqual({ user_id: '<email>', nested: { list: ['<email>', 3] } });
    expect(masked.failures).toBe(0);
  });

  it('passes dotted paths and the rollout locations to the mask', () => {
    const seen: Array<[string, string]> = [];
    maskRolloutFields(
      { input: { messages: ['hi'] }, metadata: { team: 'growth', deep: { k: 1 } } },
      ({ key, value, location }) => {
        seen.push([location, key]);
        return value;
      },
    );
    expect(seen).toEqual([
      ['rollout_input', 'input.messages.0'],
      ['rollout_metadata', 'team'],
      ['rollout_metadata', 'deep.k'],
    ]);
  });

  it('masks a plain string input under the key "input"', () => {
    const masked = maskRolloutFields({ input: 'secret', metadata: {} }, ({ key }) =>
      key === 'input' ? '***' : undefined,
    );
    expect(masked.input).toBe('***');
  });

  it('leaves out values the mask drops (null in arrays)', () => {
    const masked = maskRolloutFields(
      { input: ['keep', 'drop'], metadata: { session_id: 'drop', team: 'keep' } },
      ({ value }) => (value === 'drop' ? undefined : value),
    );
    expect(masked.input).toEqual(['keep', null]);
    expect(masked.metadata).toEqual({ team: 'keep' });
  });

  it('fails closed: a throwing mask replaces each value with [REDACTED] and is counted', () => {
    const masked = maskRolloutFields(
      { input: { text: 'secret' }, metadata: { user_id: 'u1', trace_id: 'abc', source: 'otel' } },
      () => {
        throw new Error('mask bug');
      },
    );
    expect(masked.input).toEqual({ text: '[REDACTED]' });
    expect(masked.metadata).toEqual({ user_id: '[REDACTED]', trace_id: 'abc', source: 'otel' });
    expect(masked.failures).toBe(2);
  });

  it('withholds structures too deep to walk instead of sending them unmasked', () => {
    let deep: unknown = 'secret';
    for (let i = 0; i < 40; i++) deep = { inner: deep };
    const masked = maskRolloutFields({ input: deep, metadata: {} }, ({ value }) => value);
    expect(JSON.stringify(masked.input)).not.toContain('secret');
    expect(JSON.stringify(masked.input)).toContain('[REDACTED]');
  });

  it('keeps null input as null', () => {
    expect(maskRolloutFields({ input: null, metadata: {} }, redactEmails).input).toBeNull();
  });
});
