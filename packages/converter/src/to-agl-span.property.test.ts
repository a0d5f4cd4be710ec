import { validateSpan } from '@agl/client';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anySpanParts, readableSpanFrom } from '../test/arbitrary-span.ts';
import {
  DROPPED_ATTRIBUTES_COUNT_KEY,
  TRUNCATED_ATTRIBUTES_KEY,
} from './attributes/convert-attributes.ts';
import { MASK_FAILED_VALUE } from './attributes/redact.ts';
import { isWellFormed } from './attributes/well-formed-string.ts';
import {
  createAglSpanConverter,
  DROPPED_EVENTS_COUNT_KEY,
  DROPPED_LINKS_COUNT_KEY,
} from './to-agl-span.ts';

const ids = { rolloutId: 'ro-000000000001', attemptId: 'at-00000001', sequenceId: 1 };
const MARKERS = new Set([
  TRUNCATED_ATTRIBUTES_KEY,
  DROPPED_ATTRIBUTES_COUNT_KEY,
  DROPPED_EVENTS_COUNT_KEY,
  DROPPED_LINKS_COUNT_KEY,
]);

describe('toAglSpan over arbitrary attribute values', () => {
  it('never throws and always produces a span the server rules accept, JSON-exact', () => {
    const converter = createAglSpanConverter();
    fc.assert(
      fc.property(anySpanParts, (parts) => {
        const span = converter.convert(readableSpanFrom(parts), ids);
        expect(validateSpan(span)).toEqual([]);
        const text = JSON.stringify(span);
        expect(isWellFormed(text)).toBe(true);
        expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
        expect(JSON.parse(text)).toEqual(span);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every value, map, event list and link list within small limits', () => {
    const limits = {
      attributeValueLengthLimit: 8,
      attributeArrayLengthLimit: 3,
      attributeCountLimit: 5,
      attributePerEventCountLimit: 2,
      attributePerLinkCountLimit: 2,
      eventCountLimit: 2,
      linkCountLimit: 1,
    };
    const converter = createAglSpanConverter({ limits });
    const withinLength = (text: string) =>
      text.length <= 8 || /^[\s\S]{0,8}…\[truncated \d+ characters\]$/.test(text);
    fc.assert(
      fc.property(anySpanParts, (parts) => {
        const span = converter.convert(readableSpanFrom(parts), ids);
        expect(validateSpan(span)).toEqual([]);
        const maps = [
          { map: span.attributes, limit: 5 },
          { map: span.resource.attributes, limit: 5 },
          ...span.events.map((event) => ({ map: event.attributes, limit: 2 })),
          ...span.links.map((link) => ({ map: link.attributes ?? {}, limit: 2 })),
        ];
        for (const { map, limit } of maps) {
          const keys = Object.keys(map).filter((key) => !MARKERS.has(key));
          expect(keys.length).toBeLessThanOrEqual(limit);
          for (const key of keys) {
            const value = map[key];
            if (typeof value === 'string') expect(withinLength(value)).toBe(true);
            if (Array.isArray(value)) {
              expect(value.length).toBeLessThanOrEqual(3);
              for (const item of value)
                if (typeof item === 'string') expect(withinLength(item)).toBe(true);
            }
          }
        }
        expect(span.events.length).toBeLessThanOrEqual(2);
        expect(span.links.length).toBeLessThanOrEqual(1);
        expect(withinLength(span.name)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('sends nothing raw when the mask throws', () => {
    const converter = createAglSpanConverter({
      mask: () => {
        throw new Error('mask bug');
      },
    });
    fc.assert(
      fc.property(anySpanParts, (parts) => {
        const span = converter.convert(readableSpanFrom(parts), ids);
        const maps = [
          span.attributes,
          span.resource.attributes,
          ...span.events.map((event) => event.attributes),
          ...span.links.map((link) => link.attributes ?? {}),
        ];
        for (const map of maps) {
          for (const [key, value] of Object.entries(map)) {
            if (!MARKERS.has(key)) expect(value).toBe(MASK_FAILED_VALUE);
          }
        }
        if (span.status.description !== null)
          expect(span.status.description).toBe(MASK_FAILED_VALUE);
      }),
      { numRuns: 100 },
    );
  });
});
